// The service worker (Firefox: the background script). The build puts the wasm-bindgen glue
// (`--target no-modules`, defining `wasm_bindgen`) before this file. It runs the embed's own
// factmark_bg.wasm here, where the page's CSP does not reach; toggles factmark in a tab when
// the toolbar button is clicked; and keeps the per-site automatic start in step with the options.

/* global wasm_bindgen */

const AUTO = 'factmark-auto';

const ready = fetch(chrome.runtime.getURL('factmark_bg.wasm'))
  .then((response) => response.arrayBuffer())
  .then((bytes) => wasm_bindgen({ module_or_path: bytes }));

// A content script sends a page's whole text in one message and gets its claims back.
chrome.runtime.onMessage.addListener((message, sender, reply) => {
  if (sender.id !== chrome.runtime.id || !message) return false;
  if (message.type === 'factmark:state' && sender.tab) {
    chrome.action.setBadgeText({ tabId: sender.tab.id, text: message.on ? 'on' : '' });
    return false;
  }
  if (message.type !== 'factmark:scan') return false;
  ready
    .then(() => reply({ claims: wasm_bindgen.scan(message.text, message.options) }))
    .catch((e) => reply({ error: String((e && e.message) || e) }));
  return true;
});

/**
 * Turns factmark on or off in `tab`: what a click on the toolbar button does (the click grants
 * `activeTab`, hence the right to inject). Resolves to `{on, claims}`.
 */
async function toggle(tab) {
  const target = { tabId: tab.id };
  const [{ result: loaded }] = await chrome.scripting.executeScript({ target, func: () => Boolean(globalThis.factmarkExtension) });
  if (!loaded) await chrome.scripting.executeScript({ target, files: ['content.js'] });
  const [{ result }] = await chrome.scripting.executeScript({ target, func: () => globalThis.factmarkExtension.toggle() });
  return result;
}

chrome.action.onClicked.addListener((tab) => {
  toggle(tab).catch((e) => console.warn(`factmark: cannot run on this page (${e.message})`));
});

chrome.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') chrome.action.setBadgeText({ tabId, text: '' });
});

// Sites chosen in the options, where the reader granted access, start factmark by themselves.
async function registerAutoStart() {
  const { sites = [] } = await chrome.storage.sync.get('sites');
  const granted = [];
  for (const pattern of sites) if (await chrome.permissions.contains({ origins: [pattern] })) granted.push(pattern);
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [AUTO] });
  if (existing.length) await chrome.scripting.unregisterContentScripts({ ids: [AUTO] });
  if (granted.length) {
    await chrome.scripting.registerContentScripts([{ id: AUTO, matches: granted, js: ['content.js', 'auto.js'], runAt: 'document_idle' }]);
  }
}

// One registration at a time: overlapping ones would register the same id twice.
let registering = Promise.resolve();
function syncAutoStart() {
  registering = registering.then(registerAutoStart).catch((e) => console.warn(`factmark: automatic start: ${e.message}`));
  return registering;
}

chrome.runtime.onInstalled.addListener(syncAutoStart);
chrome.permissions.onAdded.addListener(syncAutoStart);
chrome.permissions.onRemoved.addListener(syncAutoStart);
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'sync' && 'sites' in changes) syncAutoStart();
});
