import { describe, it, expect } from 'vitest';
import { checkHtml, checkHeadings } from './html-check.js';

const page = (body: string, lang = 'en') =>
  `<!DOCTYPE html>\n<html lang="${lang}" dir="ltr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>T</title></head><body><main id="m"><h1>x</h1>${body}</main></body></html>`;

describe('the HTML checker the site tests rely on', () => {
  it('passes a conforming page', () => {
    expect(checkHtml(page('<p>a <a href="#m">b</a></p><ul><li>c</li></ul>'))).toEqual([]);
  });

  it.each([
    ['a block inside a paragraph', '<p><div>a</div></p>', /<div> inside <p>/],
    ['an unclosed element', '<p>a', /closes <p>/],
    ['misnesting', '<p><em>a</p></em>', /closes <em>/],
    ['a list with a non-item child', '<ul><p>a</p></ul>', /may only contain <li>/],
    ['a duplicate id', '<b id="m">x</b>', /duplicate id "m"/],
    ['a fragment link to nothing', '<a href="#nope">x</a>', /no element has that id/],
    ['an event handler attribute', '<img src="data:," alt="" onerror="x">', /event handler/],
    ['a javascript: link', '<a href="javascript:alert(1)">x</a>', /javascript: URL/],
    ['a script', '<script>1</script>', /no scripts/],
    ['an external resource', '<img src="https://example.com/x.png" alt="">', /external resource/],
    ['a link inside a link', '<a href="#m">a <a href="#m">b</a></a>', /inside <a>/],
    ['an invalid language tag', '<span lang="english">x</span>', /not a valid language tag/],
    ['a void element closed', '<br></br>', /void element/],
  ])('finds %s', (_name, body, message) => {
    expect(checkHtml(page(body)).join('\n')).toMatch(message);
  });

  it('finds a missing doctype, a bad <html lang> and a misplaced meta charset', () => {
    expect(checkHtml(page('').replace('<!DOCTYPE html>\n', '')).join('\n')).toMatch(/DOCTYPE/);
    expect(checkHtml(page('', 'xx_YY')).join('\n')).toMatch(/<html lang="xx_YY">/);
    expect(checkHtml(page('').replace('<meta charset="utf-8">', '').replace('</title>', '</title><meta charset="utf-8">')).join('\n')).toMatch(/first element of <head>/);
  });

  it('finds skipped heading levels and a second h1', () => {
    expect(checkHeadings(page('<h2>a</h2><h3>b</h3><h2>c</h2>')).errors).toEqual([]);
    expect(checkHeadings(page('<h3>a</h3>')).errors.join('\n')).toMatch(/h3 follows h1/);
    expect(checkHeadings(page('<h1>again</h1>')).errors.join('\n')).toMatch(/one <h1>, found 2/);
  });
});
