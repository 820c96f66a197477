// Values in words and check-it links (www/src/describe.js), in Node: no DOM needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describe, fillTemplate, links } from '../../www/src/describe.js';

const published = { date: '2022-01-12', source: 'structured data' };

test('values in words', () => {
  const cases = [
    [{ kind: 'quantity', text: 'as many as 100,000', value: { low: null, high: 100000, unit: 'personnel' } }, 'at most 100,000 military personnel'],
    [{ kind: 'quantity', text: 'more than 2,000', value: { low: 2000, high: null, unit: 'people' } }, 'at least 2,000 people'],
    [{ kind: 'quantity', text: 'thousands', value: { low: 2000, high: 9999, unit: 'casualties' } }, 'between 2,000 and 9,999 casualties (killed or wounded)'],
    [{ kind: 'quantity', text: '$1.5 billion', value: { low: 1.5e9, high: 1.5e9, unit: 'money' } }, '1.5 billion (money)'],
    [{ kind: 'quantity', text: '1,234,567', value: { low: 1234567, high: 1234567, unit: 'people' } }, '1,234,567 people'],
    [{ kind: 'quantity', text: '12 million', value: { low: 12e6, high: 12e6, unit: 'people' } }, '12 million people'],
    [{ kind: 'quantity', text: '3.2%', value: { low: 3.2, high: 3.2, unit: 'percent' } }, '3.2%'],
    [{ kind: 'quantity', text: 'three', value: { low: 3, high: 3, unit: 'other' } }, '3'],
    [{ kind: 'date', text: 'Monday', value: { start: '2022-01-10', end: '2022-01-10' } },
      'Monday 10 January 2022 — “Monday” read against the publication date, 12 January 2022'],
    [{ kind: 'date', text: 'January 10, 2022', value: { start: '2022-01-10', end: '2022-01-10' } }, 'Monday 10 January 2022'],
    [{ kind: 'date', text: 'last month', value: { start: '2021-12-01', end: '2021-12-31' } },
      'December 2021 — “last month” read against the publication date, 12 January 2022'],
    [{ kind: 'date', text: '2014', value: { start: '2014-01-01', end: '2014-12-31' } }, 'the year 2014'],
    [{ kind: 'date', text: 'the 1990s', value: { start: '1990-01-01', end: '1999-12-31' } }, 'the years 1990 to 1999'],
    [{ kind: 'date', text: 'this week', value: { start: '2022-01-10', end: '2022-01-16' } },
      'Monday 10 January 2022 to Sunday 16 January 2022 — “this week” read against the publication date, 12 January 2022'],
    [{ kind: 'country', text: 'Russian', value: 'RU' }, 'Russia (RU)'],
    [{ kind: 'country', text: 'Kosovo', value: 'XK' }, 'Kosovo (XK)'],
    [{ kind: 'place', text: 'Kiev', value: { name: 'Kyiv', country: 'UA' } }, 'Kyiv, Ukraine (UA)'],
  ];
  const wrong = cases.map(([claim, want]) => [claim.text, describe(claim, published), want]).filter(([, got, want]) => got !== want);
  assert.deepEqual(wrong, []);
});

test('a date read against today says the page gave none', () => {
  const claim = { kind: 'date', text: 'yesterday', value: { start: '2022-01-11', end: '2022-01-11' } };
  assert.equal(describe(claim, { date: '2022-01-12', source: 'today' }),
    'Tuesday 11 January 2022 — “yesterday” read against today, 12 January 2022 (the page gives no publication date)');
});

test('link templates fill in encoded values and only make http(s) links', () => {
  const fields = { name: 'Kyiv', context: 'troops <img src=x> & "more"' };
  assert.equal(fillTemplate('https://example.org/search?q={context}', fields), 'https://example.org/search?q=troops%20%3Cimg%20src%3Dx%3E%20%26%20%22more%22');
  assert.equal(fillTemplate('https://example.org/{missing}', fields), 'https://example.org/');
  for (const bad of ['javascript:alert(1)//{name}', 'data:text/html,{name}', '{context}', '//example.org/{name}']) {
    assert.equal(fillTemplate(bad, fields), null, bad);
  }
  const place = { kind: 'place', text: 'Kiev', value: { name: 'Kyiv', country: 'UA' } };
  const made = links(place, 'near Kiev', 'Kyiv, Ukraine (UA)', { place: [['Map', 'https://maps.example/?q={name},{country}'], ['Bad', 'javascript:{name}']] });
  assert.deepEqual(made, [{ label: 'Map', href: 'https://maps.example/?q=Kyiv,Ukraine' }]);
  assert.ok(links(place, 'near Kiev', '').every((l) => l.href.startsWith('https://')));
});
