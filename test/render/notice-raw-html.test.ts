import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, edit, exampleProject } from '../helpers/project.js';
import { renderSite } from '../../src/build/build.js';
import { loadProject } from '../../src/parse/project.js';

describe('raw HTML in the master text', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(cleanup));

  it('is left out of the Markdown notice as it is left out of the page', () => {
    const dir = exampleProject();
    dirs.push(dir);
    let sentence = '';
    edit(dir, 'policy/privacy.md', (md) => {
      const m = /^(We [^\n]*?)(\.)$/m.exec(md)!;
      sentence = m[1]!;
      return md.replace(m[0], `${m[1]} <b onclick="x()">in bold</b><!-- note --><img src=x onerror="y()">.`);
    });
    const site = renderSite(loadProject(dir), { regions: ['us'], extras: false });
    const md = String(site.files.get('us/en/index.md'));
    const html = String(site.files.get('us/en/index.html'));
    expect(md).toContain(`${sentence} in bold.`);
    expect(md).not.toMatch(/<b|<img|<!--|onclick|onerror/);
    expect(html).toContain(`${sentence} in bold.`);
    expect(html).not.toMatch(/<b |<img|onclick|onerror/);
  });
});
