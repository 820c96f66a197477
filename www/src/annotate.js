// The exports, built here from what the shell already has rather than in the wasm (which
// would cost the reader 22 KB gzip): claims as W3C Web Annotations whose selectors read
// `document.body.textContent`, as annotation clients do, `anchor` to find a quote again after
// the page has changed, and schema.org ClaimReview skeletons. Shapes as in `src/annotation.rs`.

const CONTEXT = 32;

/** The body's text nodes in order, with where each starts in `body.textContent`. */
function bodyText(doc) {
  const nodes = [];
  const starts = [];
  let text = '';
  const walker = doc.createTreeWalker(doc.body, doc.defaultView.NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node);
    starts.push(text.length);
    text += node.data;
  }
  return { text, nodes, starts };
}

const ANNOTATION = 'http://www.w3.org/ns/anno.jsonld';

/** Painted claims (`{claim, range, words}`) as an AnnotationCollection for the page at `source`. */
export function annotationCollection(doc, items, source) {
  const { text, nodes, starts } = bodyText(doc);
  const at = new Map(nodes.map((n, i) => [n, starts[i]]));
  const annotations = [];
  for (const { claim, range, words } of items) {
    const base = at.get(range.startContainer);
    if (base === undefined) continue;
    const start = base + range.startOffset;
    const end = start + range.toString().length;
    annotations.push({
      '@context': ANNOTATION,
      id: `${source}#factmark-${start}-${end}`,
      type: 'Annotation',
      motivation: 'highlighting',
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: claim.kind },
        { type: 'TextualBody', purpose: 'describing', format: 'text/plain', value: words },
        { type: 'TextualBody', purpose: 'describing', format: 'application/json', value: JSON.stringify(claim.value) },
      ],
      target: {
        source,
        selector: [
          { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - CONTEXT), start), suffix: text.slice(end, end + CONTEXT) },
          { type: 'TextPositionSelector', start, end },
        ],
      },
      generator: { type: 'Software', name: 'factmark' },
    });
  }
  return {
    '@context': ANNOTATION,
    type: 'AnnotationCollection',
    label: 'Checkable claims found by factmark',
    total: annotations.length,
    first: { type: 'AnnotationPage', startIndex: 0, items: annotations },
  };
}

/**
 * A ClaimReview skeleton: `said` (the sentence that makes the claim) as it appeared at `url`
 * on `published`; author, rating and the review's own URL and date are the editor's to fill.
 */
export function claimReview(said, url, published) {
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    claimReviewed: said,
    itemReviewed: { '@type': 'Claim', appearance: { '@type': 'CreativeWork', url }, datePublished: published },
    author: { '@type': 'Organization', name: '', url: '' },
    reviewRating: { '@type': 'Rating', ratingValue: '', bestRating: '', worstRating: '', alternateName: '' },
    url: '',
    datePublished: '',
  };
}

// How many characters `a` and `b` share, read from their ends (`fromEnd`) or their starts.
function shared(a, b, fromEnd) {
  let n = 0;
  const max = Math.min(a.length, b.length);
  while (n < max && (fromEnd ? a[a.length - 1 - n] === b[b.length - 1 - n] : a[n] === b[n])) n++;
  return n;
}

/**
 * A DOM Range for an annotation's `TextQuoteSelector`: of the places its exact text stands,
 * the one whose context agrees best, nearest its old position on a tie; null when none.
 */
export function anchor(doc, annotation) {
  const selectors = (annotation && annotation.target && annotation.target.selector) || [];
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  if (!quote || !quote.exact) return null;
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  const { text, nodes, starts } = bodyText(doc);
  const { exact, prefix = '', suffix = '' } = quote;
  let best = -1;
  let bestScore = -1;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    const end = at + exact.length;
    const score = shared(text.slice(Math.max(0, at - prefix.length), at), prefix, true) + shared(text.slice(end, end + suffix.length), suffix, false);
    const nearer = position && best >= 0 && Math.abs(at - position.start) < Math.abs(best - position.start);
    if (score > bestScore || (score === bestScore && nearer)) [best, bestScore] = [at, score];
  }
  if (best < 0) return null;
  const node = (offset, isEnd) => {
    let i = starts.findLastIndex((s) => (isEnd ? s < offset : s <= offset));
    if (!isEnd) while (i < nodes.length - 1 && offset - starts[i] >= nodes[i].length) i++;
    return [nodes[i], offset - starts[i]];
  };
  const range = doc.createRange();
  range.setStart(...node(best, false));
  range.setEnd(...node(best + exact.length, true));
  return range;
}
