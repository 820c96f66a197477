// The options page: kinds, colours and a publication date, in chrome.storage.sync; sites where
// factmark starts by itself, each granted by the reader through chrome.permissions.request.

import { COLOURS } from '../src/ui.js';

const KINDS = Object.keys(COLOURS);
// The shell's own underline colours.
const DEFAULT_COLOURS = Object.fromEntries(KINDS.map((kind) => [kind, COLOURS[kind][0]]));

const $ = (selector) => document.querySelector(selector);
const status = (text) => ($('#status').textContent = text);

/** `www.example.com` or a URL → the match pattern of its whole site, e.g. `https://www.example.com/*`. */
function sitePattern(input) {
  const text = input.trim();
  if (!text) return null;
  let url;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return null;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? `${url.protocol}//${url.hostname}/*` : null;
}

function checkedKinds() {
  return [...document.querySelectorAll('#kinds input[type=checkbox]')].filter((box) => box.checked).map((box) => box.value);
}

function chosenColours() {
  const colours = {};
  for (const input of document.querySelectorAll('#kinds input[type=color]')) {
    if (input.value !== DEFAULT_COLOURS[input.dataset.kind]) colours[input.dataset.kind] = input.value;
  }
  return colours;
}

function showSites(sites) {
  const list = $('#sites');
  list.replaceChildren(...sites.map((pattern) => {
    const item = document.createElement('li');
    const name = document.createElement('span');
    name.textContent = pattern.replace(/\/\*$/, '');
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = 'Remove';
    remove.addEventListener('click', () => removeSite(pattern));
    item.append(name, remove);
    return item;
  }));
}

async function load() {
  const { kinds = KINDS, colours = {}, date = '', sites = [] } = await chrome.storage.sync.get(['kinds', 'colours', 'date', 'sites']);
  for (const box of document.querySelectorAll('#kinds input[type=checkbox]')) box.checked = kinds.includes(box.value);
  for (const input of document.querySelectorAll('#kinds input[type=color]')) {
    input.value = colours[input.dataset.kind] || DEFAULT_COLOURS[input.dataset.kind];
  }
  $('#date').value = date;
  showSites(sites);
}

async function save(values) {
  await chrome.storage.sync.set(values);
  status('Saved.');
}

// permissions.request must be called straight from the click, before anything is awaited.
function addSite(event) {
  event.preventDefault();
  const pattern = sitePattern($('#site').value);
  if (!pattern) return status('Type a site such as www.example.com.');
  chrome.permissions.request({ origins: [pattern] }).then(async (granted) => {
    if (!granted) return status(`No permission for ${pattern}: factmark will not start there by itself.`);
    const { sites = [] } = await chrome.storage.sync.get('sites');
    if (!sites.includes(pattern)) sites.push(pattern);
    await save({ sites });
    $('#site').value = '';
    showSites(sites);
  }, (e) => status(e.message));
}

async function removeSite(pattern) {
  const { sites = [] } = await chrome.storage.sync.get('sites');
  const left = sites.filter((s) => s !== pattern);
  await save({ sites: left });
  await chrome.permissions.remove({ origins: [pattern] }).catch(() => false);
  showSites(left);
}

$('#kinds').addEventListener('change', (e) => {
  if (e.target.type === 'checkbox') {
    if (checkedKinds().length) return save({ kinds: checkedKinds() });
    e.target.checked = true;
    status('At least one kind stays shown.');
  }
  if (e.target.type === 'color') save({ colours: chosenColours() });
});
$('#reset-colours').addEventListener('click', () => save({ colours: {} }).then(load));
$('#date').addEventListener('change', () => save({ date: $('#date').value }));
$('#clear-date').addEventListener('click', () => save({ date: '' }).then(load));
$('#add-site').addEventListener('submit', addSite);

load();
