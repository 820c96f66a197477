// The publication date that relative dates ("Monday", "last week") are read against,
// found on the page itself.

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/;

/** `YYYY-MM-DD` from the start of an ISO 8601 date or date-time, or null. */
function isoDay(value) {
  const m = typeof value === 'string' && ISO_DAY.exec(value.trim());
  if (!m) return null;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] ? m[0].slice(0, 10) : null;
}

/** Today in the reader's time zone, `YYYY-MM-DD`. */
function today(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function fromJsonLd(doc) {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data;
    try {
      data = JSON.parse(script.textContent);
    } catch {
      continue;
    }
    const queue = [data];
    for (let i = 0; i < queue.length && i < 1000; i++) {
      const item = queue[i];
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') {
        const day = isoDay(item.datePublished);
        if (day) return day;
        if (item['@graph']) queue.push(item['@graph']);
        if (item.mainEntity) queue.push(item.mainEntity);
      }
    }
  }
  return null;
}

function attribute(el, ...names) {
  for (const name of names) {
    const day = el && isoDay(el.getAttribute(name));
    if (day) return day;
  }
  return null;
}

/**
 * The publication date and where it was found: the site's own `data-date`, JSON-LD
 * `datePublished`, `article:published_time`, `itemprop=datePublished`, or a `<time datetime>`
 * in the article's header. Otherwise today, with `source: 'today'`.
 */
export function findPublicationDate(doc, article, given) {
  const header = article && (article.querySelector('header') || article);
  const candidates = [
    ['site', () => isoDay(given)],
    ['structured data', () => fromJsonLd(doc)],
    ['article:published_time', () => attribute(doc.querySelector('meta[property="article:published_time"]'), 'content')],
    ['itemprop=datePublished', () => attribute(doc.querySelector('[itemprop=datePublished]'), 'content', 'datetime')],
    ['article header', () => attribute(header && header.querySelector('time[datetime]'), 'datetime')],
  ];
  for (const [source, find] of candidates) {
    const date = find();
    if (date) return { date, source };
  }
  return { date: today(), source: 'today' };
}
