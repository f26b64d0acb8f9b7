import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { exampleProject, cleanup, cli, edit } from '../helpers/project.js';
import { run } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';

const CORPUS = new URL('../../../shared/corpus/policy-changes/', import.meta.url).pathname;
const labels = (parse(readFileSync(join(CORPUS, 'labels.yaml'), 'utf8')) as { pairs: { id: string; label: string }[] }).pairs;
const pair = (label: string) => labels.find((p) => p.label === label)!.id;
const json = (stdout: string) => JSON.parse(stdout) as {
  schemaVersion: number;
  from: { kind: string; label: string };
  to: { kind: string; label: string };
  severity: string;
  summary: Record<string, number>;
  changes: { kind: string; severity: string; rule: string; reason: string; section: { id: string; path: string[] }; before: string | null; after: string | null; source: string; regions?: string[]; fact?: { path: string } }[];
  impact?: { regions: { id: string; severity: string; changes: number; locales: { locale: string; staleTranslations: number }[] }[]; translations: { locale: string; stale: { unit: string }[] }[] };
};

/** Tags balance and nest (void elements aside), and ids are unique: the page is well-formed HTML5. */
function checkHtml(html: string): void {
  const VOID = new Set(['meta', 'br', 'hr', 'img', 'input', 'link', 'wbr']);
  const stack: string[] = [];
  const body = html.replace(/<style>[\s\S]*?<\/style>/, '<style></style>').replace(/^<!DOCTYPE html>/, '');
  for (const m of body.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g)) {
    const [, close, name] = m;
    const tag = name!.toLowerCase();
    if (VOID.has(tag)) continue;
    if (!close) stack.push(tag);
    else expect(stack.pop(), `closing </${tag}> at ${m.index}`).toBe(tag);
  }
  expect(stack).toEqual([]);
  const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
  expect(new Set(ids).size).toBe(ids.length);
}

const git = (dir: string, cmd: string) => execSync(cmd, { cwd: dir, stdio: 'pipe' });
const commitAll = (dir: string) => git(dir, 'git init -q && git add -A && git -c user.email=t@t -c user.name=t commit -qm x');

describe('noticekit diff OLD.md NEW.md', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'noticekit-diff-'));
  });
  afterAll(() => cleanup(dir));
  const write = (name: string, text: string | Uint8Array) => {
    writeFileSync(join(dir, name), text);
    return name;
  };

  it('diffs two plain Markdown files, in text by default, with a word-level redline', async () => {
    const a = write('a.md', '# Policy\n\n## Sharing\n\nWe share data with service providers.\n\n## Contact\n\nWrite to us.\n');
    const b = write('b.md', '# Policy\n\n## Sharing\n\nWe share data with service providers and data brokers.\n\n## Contact\n\nWrite to us.\n');
    const r = await cli(dir, 'diff', a, b);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('noticekit diff: a.md → b.md');
    expect(r.stdout).toMatch(/Severity: MATERIAL/);
    expect(r.stdout).toContain('§ Policy › Sharing');
    expect(r.stdout).toContain('{+ and data brokers+}');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('colours the text only on a terminal', async () => {
    let out = '';
    const io: CliIo = { cwd: dir, out: (t) => (out += t), err: () => {}, isTTY: true };
    expect(await run(['diff', 'a.md', 'b.md'], io)).toBe(0);
    expect(out).toContain('\u001b[32;4m');
  });

  it('shows moved text as moved', async () => {
    const a = write('m1.md', '# P\n\n## One\n\nAlpha paragraph about nothing in particular at all.\n\nWe keep logs for thirty days to investigate incidents.\n\n## Two\n\nBeta paragraph.\n');
    const b = write('m2.md', '# P\n\n## One\n\nAlpha paragraph about nothing in particular at all.\n\n## Two\n\nBeta paragraph.\n\nWe keep logs for thirty days to investigate incidents.\n');
    const r = await cli(dir, 'diff', a, b);
    expect(r.stdout).toContain('↳ moved from § P › One');
    const j = json((await cli(dir, 'diff', a, b, '--format', 'json')).stdout);
    expect(j.changes).toEqual([expect.objectContaining({ kind: 'moved', rule: 'moved-text', severity: 'minor', oldSection: { id: 'one', path: ['P', 'One'] } })]);
  });

  it('classifies a labelled major pair of the corpus as material (json)', async () => {
    const id = pair('major');
    const r = await cli(dir, 'diff', join(CORPUS, id, 'old.md'), join(CORPUS, id, 'new.md'), '--format', 'json');
    expect(r.code).toBe(0);
    const j = json(r.stdout);
    expect(j.schemaVersion).toBe(1);
    expect(j.severity).toBe('material');
    expect(j.summary.material).toBeGreaterThan(0);
    expect(j.from.kind).toBe('file');
    for (const c of j.changes) {
      expect(Object.keys(c)).toEqual(expect.arrayContaining(['kind', 'severity', 'rule', 'reason', 'section', 'before', 'after']));
      expect(c.reason.length).toBeGreaterThan(5);
    }
    expect(j.impact).toBeUndefined();
  });

  it('--fail-on: exit 1 at or above the severity, 0 below', async () => {
    const major = pair('major');
    const editorial = pair('editorial');
    const files = (id: string) => [join(CORPUS, id, 'old.md'), join(CORPUS, id, 'new.md')];
    expect((await cli(dir, 'diff', ...files(major), '--fail-on', 'material', '--format', 'json')).code).toBe(1);
    expect((await cli(dir, 'diff', ...files(editorial), '--fail-on', 'material', '--format', 'json')).code).toBe(0);
    const minorPair = ['a.md', 'a2.md'];
    write('a2.md', '# Policy\n\n## Sharing\n\nWe share data with service providers.\n\n## Contact\n\nWrite to us soon.\n');
    expect((await cli(dir, 'diff', ...minorPair, '--fail-on', 'minor')).code).toBe(1);
    expect((await cli(dir, 'diff', ...minorPair, '--fail-on', 'material')).code).toBe(0);
    expect((await cli(dir, 'diff', 'a.md', 'a.md', '--fail-on', 'editorial')).code).toBe(0);
  });

  it('markdown: a PR comment under GitHub\'s limit, truncated with a note when the diff is huge', async () => {
    const para = (i: number, extra = '') => `Paragraph ${i} explains that we collect item ${i} and share it with partner ${i}${extra}. ${'Filler words to make the paragraph long enough for a realistic policy. '.repeat(4)}`;
    const big = (edit: boolean) => ['# Big', ...Array.from({ length: 600 }, (_, i) => `## Section ${i}\n\n${para(i, edit ? ` and data brokers ${i}` : '')}`)].join('\n\n');
    write('big1.md', big(false));
    write('big2.md', big(true));
    const r = await cli(dir, 'diff', 'big1.md', 'big2.md', '--format', 'markdown');
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeLessThan(65_536);
    expect(r.stdout).toContain('**Severity: material**');
    expect(r.stdout).toContain('| severity | changes |');
    expect(r.stdout).toContain('<details>');
    expect(r.stdout).toMatch(/\*\*Truncated:\*\* \d+ more sections/);
    const small = await cli(dir, 'diff', 'a.md', 'b.md', '--format', 'markdown');
    expect(small.stdout).not.toContain('Truncated');
    expect(small.stdout).toContain('<ins>');
  });

  it('html: a standalone, escaped redline page with a sidebar of material changes', async () => {
    write('x1.md', '# P\n\n## Scripts\n\nWe use <b>no</b> trackers.\n\nStatic text stays.\n');
    write('x2.md', '# P\n\n## Scripts\n\nWe use <script>alert("x")</script> trackers and cookies.\n\nStatic text stays.\n');
    const r = await cli(dir, 'diff', 'x1.md', 'x2.md', '--format', 'html');
    expect(r.code).toBe(0);
    const html = r.stdout;
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link|src=|href="https?:|@import|url\(/i);
    expect(html).toMatch(/<ins>[^<]*cookies/);
    expect(html).toContain('<del>');
    const target = /<a href="#(change-\d+)">/.exec(html)?.[1];
    expect(target).toBeDefined();
    expect(html).toContain(`id="${target}"`);
    expect(html.match(/<main>/g)?.length).toBe(1);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    checkHtml(html);
    for (const id of ['m1.md', 'big1.md']) {
      const other = id === 'm1.md' ? 'm2.md' : 'big2.md';
      checkHtml((await cli(dir, 'diff', id, other, '--format', 'html')).stdout);
    }
  });

  it('bad input exits 2 with a clear message', async () => {
    write('bin.md', new Uint8Array([35, 32, 80, 0, 1, 2]));
    write('latin1.md', new Uint8Array([35, 32, 0xe9, 0x74, 0xe9, 10]));
    const missing = await cli(dir, 'diff', 'nope.md', 'a.md');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.md');
    const binary = await cli(dir, 'diff', 'bin.md', 'a.md');
    expect(binary.code).toBe(2);
    expect(binary.stderr).toMatch(/bin\.md looks like a binary file/);
    const latin = await cli(dir, 'diff', 'a.md', 'latin1.md');
    expect(latin.code).toBe(2);
    expect(latin.stderr).toMatch(/latin1\.md is not valid UTF-8/);
    expect((await cli(dir, 'diff', 'a.md')).code).toBe(2);
    expect((await cli(dir, 'diff', 'a.md', 'b.md', '--format', 'pdf')).stderr).toContain('unknown --format "pdf"');
    expect((await cli(dir, 'diff', 'a.md', 'b.md', '--fail-on', 'huge')).code).toBe(2);
  });
});

describe('noticekit diff of project versions', () => {
  let dir: string;
  beforeAll(() => {
    dir = exampleProject();
    commitAll(dir);
  });
  afterAll(() => cleanup(dir));

  it('without a published version, says so and exits 2', async () => {
    const r = await cli(dir, 'diff');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no published version of "privacy"');
  });

  it('an unknown version or git ref exits 2', async () => {
    const r = await cli(dir, 'diff', '--from', 'no-such-ref');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown version or git ref "no-such-ref"');
    expect((await cli(dir, 'diff', '--from', '--output=/tmp/x')).code).toBe(2);
  });

  it('HEAD against an unchanged working tree finds nothing', async () => {
    const r = await cli(dir, 'diff', '--from', 'HEAD', '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = json(r.stdout);
    expect(j.severity).toBe('none');
    expect(j.changes).toEqual([]);
    expect(j.impact!.regions.every((x) => x.severity === 'none')).toBe(true);
  });

  describe('after edits to the text, the facts and the scope of a paragraph', () => {
    let j: ReturnType<typeof json>;
    let eu: string[];
    beforeAll(async () => {
      edit(dir, 'policy/privacy.md', (t) =>
        t
          .replace('You may complain to the authority where you live or work.', 'You may complain to the authority where you live, work or shop.')
          .replace(/\n(Please contact us first so that we can try to resolve your concern\.[^\n]*)\n/, '\n:::only{jurisdictions="eu gb"}\n\n$1\n\n:::\n'),
      );
      edit(dir, 'policy/privacy.facts.yaml', (t) =>
        t.replace('\ntransfers:\n', '\n  - id: acme\n    type: processor\n    name: Acme Analytics\n    data_categories: [usage]\n    purposes: [product_improvement]\n    countries: [us]\n\ntransfers:\n'),
      );
      const r = await cli(dir, 'diff', '--from', 'HEAD', '--to', 'working', '--format', 'json');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      j = json(r.stdout);
      const regions = (parse(readFileSync(join(dir, 'policy/regions.yaml'), 'utf8')) as { regions: { id: string; jurisdictions: string[] }[] }).regions;
      eu = regions.filter((x) => ['fr', 'de', 'it', 'nl', 'ro', 'es'].includes(x.id)).map((x) => x.id);
    });

    it('labels both sides', () => {
      expect(j.from).toMatchObject({ kind: 'git', label: 'git HEAD' });
      expect(j.to).toMatchObject({ kind: 'working', label: 'working tree' });
    });

    it('a new recipient in the facts is material and reaches every region', () => {
      const c = j.changes.find((x) => x.rule === 'facts-new-recipient')!;
      expect(c).toMatchObject({ severity: 'material', source: 'facts', kind: 'added' });
      expect(c.reason).toMatch(/^Recipient 'Acme Analytics' \(processor, US\) added/);
      expect(c.fact?.path).toBe('recipients.acme');
      expect(c.regions!.length).toBe(26);
    });

    it('an edit inside :::only{jurisdictions="eu"} reaches only the EU regions', () => {
      const c = j.changes.find((x) => x.source === 'text' && x.after?.includes('live, work or shop'))!;
      expect(c.kind).toBe('changed');
      expect([...c.regions!].sort()).toEqual([...eu].sort());
    });

    it('a paragraph wrapped in :::only is removed from the other regions (a scope change)', () => {
      const c = j.changes.filter((x) => x.source === 'scope');
      expect(c.length).toBe(1);
      expect(c[0]!.kind).toBe('removed');
      expect(c[0]!.regions).not.toContain('de');
      expect(c[0]!.regions).not.toContain('gb');
      expect(c[0]!.regions).toContain('us');
      expect(c[0]!.reason).toContain('no longer shown');
    });

    it('each region takes the highest severity of the changes that reach it', () => {
      const de = j.impact!.regions.find((x) => x.id === 'de')!;
      expect(de.severity).toBe('material');
      expect(de.changes).toBe(2);
      const us = j.impact!.regions.find((x) => x.id === 'us')!;
      expect(us.changes).toBe(2);
    });

    it('lists the translations made stale by the edit', () => {
      const de = j.impact!.translations.find((t) => t.locale === 'de');
      expect(de?.stale.length).toBe(1);
      expect(j.impact!.regions.find((x) => x.id === 'de')!.locales).toEqual([{ locale: 'de', staleTranslations: 1 }]);
      expect(j.impact!.regions.find((x) => x.id === 'kr')!.locales).toEqual([{ locale: 'ko', staleTranslations: 0 }]);
    });

    it('text, markdown and html formats render the same diff', async () => {
      const text = await cli(dir, 'diff', '--from', 'HEAD');
      expect(text.stdout).toContain('facts-new-recipient');
      expect(text.stdout).toContain('Stale translations');
      const md = await cli(dir, 'diff', '--from', 'HEAD', '--format', 'markdown');
      expect(md.stdout).toContain('regional notices change');
      const html = await cli(dir, 'diff', '--from', 'HEAD', '--format', 'html');
      expect(html.stdout).toContain('Facts changes');
      expect(html.stdout).toContain('class="scope-note"');
      checkHtml(html.stdout);
    });

    it('--fail-on material exits 1', async () => {
      expect((await cli(dir, 'diff', '--from', 'HEAD', '--fail-on', 'material', '--format', 'json')).code).toBe(1);
    });
  });

  it('compares with published versions: the latest by default, or one named with or without v', async () => {
    const v = join(dir, 'snapshots/privacy/1.0.0');
    mkdirSync(join(v, 'source'), { recursive: true });
    for (const f of ['privacy.md', 'privacy.facts.yaml', 'regions.yaml', 'privacy.units.json']) writeFileSync(join(v, 'source', f), execSync(`git show HEAD:policy/${f}`, { cwd: dir }));
    writeFileSync(join(v, 'manifest.json'), JSON.stringify({ schemaVersion: 1, document: 'privacy', version: '1.0.0' }));
    cpSync(v, join(dir, 'snapshots/privacy/0.9.0'), { recursive: true });
    const latest = json((await cli(dir, 'diff', '--format', 'json')).stdout);
    expect(latest.from).toMatchObject({ kind: 'version', label: 'v1.0.0' });
    expect(latest.severity).toBe('material');
    const named = await cli(dir, 'diff', '--from', 'v0.9.0', '--to', '1.0.0', '--format', 'json');
    expect(named.code).toBe(0);
    expect(json(named.stdout).changes).toEqual([]);
    const unknown = await cli(dir, 'diff', '--from', '9.9.9');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('published versions: 0.9.0, 1.0.0');
  });

  it('a broken published source is bad input (exit 2)', async () => {
    const v = join(dir, 'snapshots/privacy/1.1.0');
    mkdirSync(join(v, 'source'), { recursive: true });
    writeFileSync(join(v, 'manifest.json'), '{}');
    writeFileSync(join(v, 'source/privacy.md'), new Uint8Array([35, 32, 0xff, 0xfe, 10]));
    const r = await cli(dir, 'diff', '--from', '1.1.0');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not valid UTF-8|does not exist/);
  });
});
