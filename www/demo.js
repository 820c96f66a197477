// The demo's paste box: puts the reader's text in the article as plain text (one paragraph
// per blank-line block) and tells factmark its date. The embed notices the new content itself.
(() => {
  const form = document.getElementById('paste');
  const article = document.getElementById('story');
  const sample = [...article.childNodes].map((n) => n.cloneNode(true));

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = document.getElementById('paste-text').value;
    const date = document.getElementById('paste-date').value;
    const heading = document.createElement('h1');
    heading.textContent = 'Your text';
    const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim()).map((p) => {
      const el = document.createElement('p');
      el.textContent = p.trim();
      return el;
    });
    article.replaceChildren(heading, ...paragraphs);
    window.factmark.configure({ date });
    article.scrollIntoView({ block: 'start' });
  });

  document.getElementById('paste-reset').addEventListener('click', () => {
    article.replaceChildren(...sample.map((n) => n.cloneNode(true)));
    window.factmark.configure({ date: undefined });
  });
})();
