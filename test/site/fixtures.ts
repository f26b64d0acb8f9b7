import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, edit } from '../helpers/project.js';

export const RTL_FIXTURE = join(REPO, 'test/fixtures/rtl');

/** A copy of the right-to-left fixture (Hebrew and English for Israel, English for the UK) in a temporary folder. */
export function rtlProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'noticekit-rtl-'));
  cpSync(RTL_FIXTURE, dir, { recursive: true });
  return dir;
}

/** Script-injection attempts; each sets `window.__xss` or opens a dialog if it ever runs. */
export const XSS_PAYLOADS = [
  `<script>window.__xss='script'</script>`,
  `<img src=x onerror="window.__xss='img'">`,
  `<a href="javascript:window.__xss='link'">raw link</a>`,
  `<svg onload="alert('svg')"></svg>`,
  `<iframe src="javascript:alert('iframe')"></iframe>`,
  `<style>body{display:none}</style>`,
  `<details open ontoggle="alert('toggle')">x</details>`,
  `<object data="javascript:alert('object')"></object>`,
];

/**
 * The right-to-left fixture with script-injection attempts in the policy text (raw HTML blocks,
 * inline HTML, `javascript:` and `data:` links), in a Hebrew translation (inline HTML, since a
 * translation must keep the English link targets), in Hebrew and English UI labels and in a
 * facts value. The build must turn all of it into inert text.
 */
export function xssProject(): string {
  const dir = rtlProject();
  edit(dir, 'policy/privacy.md', (t) =>
    t.replace(
      '## Contact {#contact}',
      [
        '## Test payloads {#payloads}',
        '',
        XSS_PAYLOADS.join('\n'),
        '',
        `Inline: ${XSS_PAYLOADS.slice(0, 4).join(' and ')} end.`,
        '',
        `[click me](javascript:window.__xss='md-link') and [data](data:text/html,<script>alert('data')</script>) and <javascript:alert('autolink')>`,
        '',
        '| A | B |',
        '|---|---|',
        `| <img src=x onerror="alert('cell')"> | [x](javascript:alert('cell-link')) |`,
        '',
        '## Contact {#contact}',
      ].join('\n'),
    ),
  );
  // a translation of an existing unit (its source hash stays valid), carrying markup
  edit(dir, 'locales/he/privacy.json', (t) => {
    const j = JSON.parse(t) as { units: Record<string, { text: string }> };
    j.units.u0009!.text = `עומדות לך הזכויות הבאות: <script>window.__xss='translation'</script> <img src=x onerror="window.__xss='translation-img'"> <a href="javascript:alert('translation-link')">קישור</a>`;
    return `${JSON.stringify(j, null, 2)}\n`;
  });
  // UI labels (escaped by the templates) and fact labels (escaped for Markdown, then sanitized)
  for (const lng of ['he', 'en']) {
    edit(dir, `locales/${lng}/ui.json`, (t) => {
      const j = JSON.parse(t) as { ui: Record<string, unknown>; purposes: Record<string, { label: string }> };
      j.ui.contents = `${String(j.ui.contents)}<script>window.__xss='ui'</script>`;
      j.ui.all_regions = `${String(j.ui.all_regions)}"><img src=x onerror="window.__xss='attr'">`;
      j.purposes.marketing!.label = `${j.purposes.marketing!.label} <img src=x onerror="window.__xss='label'">`;
      return `${JSON.stringify(j, null, 2)}\n`;
    });
  }
  // a facts value that ends up in placeholders and generated tables
  const facts = join(dir, 'policy/privacy.facts.yaml');
  writeFileSync(facts, readFileSync(facts, 'utf8').replace('name: Example Israel Ltd.', `name: "Example <script>window.__xss='facts'</script> Ltd."`));
  return dir;
}
