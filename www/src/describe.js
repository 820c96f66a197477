// A claim's value in words, and links to check it.

/** Display names of the kinds, singular and plural. */
export const KIND_NAMES = {
  quantity: ['Quantity', 'Quantities'],
  date: ['Date', 'Dates'],
  country: ['Country', 'Countries'],
  place: ['Place', 'Places'],
};

const UNITS = {
  personnel: 'military personnel',
  casualties: 'casualties (killed or wounded)',
  people: 'people',
  money: '(money)',
  equipment: 'pieces of military equipment',
  distance: '(distance)',
  other: '',
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function number(n) {
  const scales = [[1e12, 'trillion'], [1e9, 'billion'], [1e6, 'million']];
  for (const [size, word] of scales) {
    const thousandths = (n / size) * 1000;
    if (Math.abs(n) >= size && Math.abs(thousandths - Math.round(thousandths)) < 1e-6) {
      return `${(n / size).toLocaleString('en-US', { maximumFractionDigits: 3 })} ${word}`;
    }
  }
  return n.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

function quantityWords({ low, high, unit }) {
  const show = unit === 'percent' ? (n) => `${number(n)}%` : number;
  let amount;
  if (low === null && high === null) amount = 'an unstated amount';
  else if (low === null) amount = `at most ${show(high)}`;
  else if (high === null) amount = `at least ${show(low)}`;
  else if (low === high) amount = show(low);
  else amount = `between ${show(low)} and ${show(high)}`;
  const noun = UNITS[unit];
  return noun ? `${amount} ${noun}` : amount;
}

function parts(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return { y, m, d, weekday: new Date(Date.UTC(y, m - 1, d)).getUTCDay() };
}

/** `Monday 10 January 2022` for `2022-01-10`. */
export function longDate(iso) {
  const { y, m, d, weekday } = parts(iso);
  return `${WEEKDAYS[weekday]} ${d} ${MONTHS[m - 1]} ${y}`;
}

function lastDayOfMonth(y, m) {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function intervalWords(start, end) {
  if (start === end) return longDate(start);
  const a = parts(start);
  const b = parts(end);
  const wholeMonths = a.d === 1 && b.d === lastDayOfMonth(b.y, b.m);
  if (wholeMonths && a.m === 1 && b.m === 12) return a.y === b.y ? `the year ${a.y}` : `the years ${a.y} to ${b.y}`;
  if (wholeMonths && a.y === b.y && a.m === b.m) return `${MONTHS[a.m - 1]} ${a.y}`;
  if (wholeMonths) return `${MONTHS[a.m - 1]} ${a.y} to ${MONTHS[b.m - 1]} ${b.y}`;
  return `${longDate(start)} to ${longDate(end)}`;
}

/** Whether the claim's text pins its own year, so no reference date was needed to read it. */
function absolute(text) {
  return /(^|\D)\d{4}(?!\d)|'\d\ds\b/.test(text);
}

/**
 * The value in words: "at most 100,000 military personnel"; "Monday 10 January 2022 —
 * “Monday” read against the publication date, 10 January 2022"; "Russia (RU)".
 * `pubdate` is `{date, source}` from `findPublicationDate`.
 */
export function describe(claim, pubdate) {
  const { kind, value, text } = claim;
  if (kind === 'quantity') return quantityWords(value);
  if (kind === 'country') return `${countryName(value)} (${value})`;
  if (kind === 'place') return `${value.name}, ${countryName(value.country)} (${value.country})`;
  const words = intervalWords(value.start, value.end);
  if (absolute(text)) return words;
  const against = pubdate.source === 'today'
    ? `today, ${longDate(pubdate.date).replace(/^\w+ /, '')} (the page gives no publication date)`
    : `the publication date, ${longDate(pubdate.date).replace(/^\w+ /, '')}`;
  return `${words} — “${text}” read against ${against}`;
}

let regionNames;
/** English name of a country code, via the browser's own data (`Intl.DisplayNames`). */
function countryName(code) {
  try {
    regionNames ||= new Intl.DisplayNames(['en'], { type: 'region' });
    return regionNames.of(code) || code;
  } catch {
    return code;
  }
}

/**
 * Default "check it" links per kind: [label, URL template]. `{name}` placeholders are
 * replaced by URL-encoded values: text, context, value, name, code, country, start, end,
 * year, month.
 */
export const DEFAULT_LINKS = {
  quantity: [
    ['Search fact-checks', 'https://toolbox.google.com/factcheck/explorer/search/{context}'],
    ['Search news reports', 'https://www.google.com/search?tbm=nws&q={context}'],
  ],
  date: [
    ['Events that month (Wikipedia)', 'https://en.wikipedia.org/wiki/Portal:Current_events/{month}_{year}'],
    ['Search news reports', 'https://www.google.com/search?tbm=nws&q={context}'],
  ],
  country: [
    ['Encyclopedia entry (Wikipedia)', 'https://en.wikipedia.org/wiki/{name}'],
    ['Country data (World Bank)', 'https://data.worldbank.org/country/{code}'],
  ],
  place: [
    ['On the map (OpenStreetMap)', 'https://www.openstreetmap.org/search?query={name}%2C%20{country}'],
    ['Encyclopedia entry (Wikipedia)', 'https://en.wikipedia.org/wiki/{name}'],
  ],
};

function placeholders(claim, context, words) {
  const { kind, value, text } = claim;
  const fields = { text, context, value: words };
  if (kind === 'country') Object.assign(fields, { name: countryName(value), code: value, country: countryName(value) });
  if (kind === 'place') Object.assign(fields, { name: value.name, code: value.country, country: countryName(value.country) });
  if (kind === 'date') {
    const { y, m } = parts(value.start);
    Object.assign(fields, { start: value.start, end: value.end, year: String(y), month: MONTHS[m - 1] });
  }
  return fields;
}

/** Fills one template; null unless the result is an http(s) URL. */
export function fillTemplate(template, fields) {
  const filled = String(template).replace(/\{(\w+)\}/g, (_, key) =>
    encodeURIComponent(fields[key] ?? ''));
  try {
    const url = new URL(filled);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The links for a claim: [{label, href}], from `templates` (per kind) or the defaults. */
export function links(claim, context, words, templates = DEFAULT_LINKS) {
  const fields = placeholders(claim, context, words);
  const out = [];
  for (const [label, template] of templates[claim.kind] || []) {
    const href = fillTemplate(template, fields);
    if (href) out.push({ label: String(label), href });
  }
  return out;
}
