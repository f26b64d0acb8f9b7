import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { exampleProject, cleanup, cli, edit, snapshotTree } from '../helpers/project.js';

const LOCALES = ['de', 'es', 'fr', 'fr-CA', 'it', 'kk', 'ko', 'ms', 'nl', 'ro', 'ru', 'th', 'tr', 'uk', 'vi', 'zh-CN'];

interface StatusJson {
  locales: { locale: string; total: number; counts: Record<string, number>; blockedRegions: string[]; units: { id: string; state: string; rule?: string }[] }[];
}

async function status(dir: string): Promise<StatusJson> {
  const r = await cli(dir, 'translate', 'status', '--format', 'json');
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as StatusJson;
}

describe('translate status on the example', () => {
  let dir: string;
  beforeAll(() => {
    dir = exampleProject();
  });
  afterAll(() => cleanup(dir));

  it('covers every language of the regions (14, plus Kazakh and Malay) with no missing, stale or review units', async () => {
    const s = await status(dir);
    expect(s.locales.map((l) => l.locale).sort()).toEqual([...LOCALES].sort());
    for (const l of s.locales) {
      expect(l.counts.missing, l.locale).toBe(0);
      expect(l.counts.stale, l.locale).toBe(0);
      expect(l.counts['needs-review'], l.locale).toBe(0);
      expect(l.blockedRegions).toEqual([]);
    }
  });

  it('prints a table in text format', async () => {
    const r = await cli(dir, 'translate', 'status', '--locale', 'de');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^language\s+units\s+final\s+reviewed\s+translated\s+needs-review\s+stale\s+missing/);
    expect(r.stdout).toMatch(/\nde\s+\d+/);
  });
});

describe('editing the English', () => {
  it('a reworded paragraph marks exactly that unit for review in every language; moving a section marks nothing', async () => {
    const dir = exampleProject();
    try {
      const lock = JSON.parse(readFileSync(join(dir, 'policy/privacy.units.json'), 'utf8')) as { units: Record<string, { text: string; section: string }> };
      // move the cookies section to the end: nothing is marked
      edit(dir, 'policy/privacy.md', (t) => {
        const start = t.indexOf('## Cookies and similar technologies');
        const end = t.indexOf('\n## ', start + 5);
        return `${t.slice(0, start)}${t.slice(end + 1)}\n${t.slice(start, end)}\n`;
      });
      let s = await status(dir);
      for (const l of s.locales) expect(l.units, `${l.locale} after a move`).toEqual([]);
      // reword one paragraph (an editorial change)
      const [id, unit] = Object.entries(lock.units).find(([, u]) => u.section === 'security' && u.text.length > 120)!;
      edit(dir, 'policy/privacy.md', (t) => t.replace(unit.text, unit.text.replace(/\.$/, ', as described above.')));
      expect((await cli(dir, 'build', '-q')).code).toBe(0);
      s = await status(dir);
      for (const l of s.locales) {
        expect(l.units.map((u) => [u.id, u.state]), l.locale).toEqual([[id, 'needs-review']]);
      }
    } finally {
      cleanup(dir);
    }
  });

  it('a material change makes the translation stale: English is shown, marked, and the region is blocked', async () => {
    const dir = exampleProject();
    try {
      const lock = JSON.parse(readFileSync(join(dir, 'policy/privacy.units.json'), 'utf8')) as { units: Record<string, { text: string; section: string }> };
      const [id, unit] = Object.entries(lock.units).find(([, u]) => u.section === 'security' && u.text.length > 120)!;
      edit(dir, 'policy/privacy.md', (t) => t.replace(unit.text, `${unit.text} We also sell your personal data to data brokers for advertising.`));
      expect((await cli(dir, 'build', '-q')).code).toBe(0);
      const s = await status(dir);
      const de = s.locales.find((l) => l.locale === 'de')!;
      expect(de.units.map((u) => [u.id, u.state])).toEqual([[id, 'stale']]);
      expect(de.blockedRegions).toContain('de');
      const page = readFileSync(join(dir, 'out/de/de/index.html'), 'utf8');
      expect(page).toContain('data brokers');
      expect(page).toMatch(/class="nk-fallback" lang="en"/);
      const check = await cli(dir, 'check', '--regions', 'de');
      expect(check.code).toBe(1);
      expect(check.stdout).toContain(`locales/de/privacy.json: unit ${id} (section security) is stale`);
    } finally {
      cleanup(dir);
    }
  });
});

describe('check', () => {
  it('reports a missing translation with the file and unit ids, and fails', async () => {
    const dir = exampleProject();
    try {
      edit(dir, 'locales/de/privacy.json', (t) => {
        const data = JSON.parse(t) as { units: Record<string, unknown> };
        delete data.units.u0005;
        return JSON.stringify(data, null, 2);
      });
      const r = await cli(dir, 'check', '--regions', 'de');
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/locales\/de\/privacy\.json: 1 unit shown in region de has no de translation \(u0005\)/);
    } finally {
      cleanup(dir);
    }
  });
});

describe('XLIFF 2.0 export and import', () => {
  it('exports valid XLIFF 2.0 with placeholders as inline codes', async () => {
    const dir = exampleProject();
    try {
      const r = await cli(dir, 'translate', 'export', '--locale', 'de', '--all', '--out', 'de.xlf');
      expect(r.code).toBe(0);
      const xml = readFileSync(join(dir, 'de.xlf'), 'utf8');
      const errors: string[] = [];
      const dom = new DOMParser({ errorHandler: { error: (m: string) => errors.push(m), fatalError: (m: string) => errors.push(m) } }).parseFromString(xml, 'text/xml');
      expect(errors).toEqual([]);
      const NS = 'urn:oasis:names:tc:xliff:document:2.0';
      const root = dom.documentElement!;
      expect(root.namespaceURI).toBe(NS);
      expect(root.getAttribute('version')).toBe('2.0');
      expect(root.getAttribute('srcLang')).toBe('en');
      expect(root.getAttribute('trgLang')).toBe('de');
      const files = root.getElementsByTagNameNS(NS, 'file');
      expect(files.length).toBe(1);
      expect(files[0]!.getAttribute('id')).toBeTruthy();
      const units = Array.from(root.getElementsByTagNameNS(NS, 'unit'));
      expect(units.length).toBeGreaterThan(50);
      const unitIds = new Set<string>();
      for (const u of units) {
        const id = u.getAttribute('id')!;
        expect(unitIds.has(id)).toBe(false);
        unitIds.add(id);
        // structural rules of XLIFF 2.0: notes before segments; a segment has one source and at most one target
        const kids = Array.from(u.childNodes).filter((n) => n.nodeType === 1).map((n) => (n as Element).localName);
        expect(kids.indexOf('notes')).toBeLessThan(kids.indexOf('segment'));
        const seg = u.getElementsByTagNameNS(NS, 'segment')[0]!;
        expect(['initial', 'translated', 'reviewed', 'final']).toContain(seg.getAttribute('state'));
        expect(seg.getElementsByTagNameNS(NS, 'source').length).toBe(1);
        expect(seg.getElementsByTagNameNS(NS, 'target').length).toBeLessThanOrEqual(1);
        for (const ph of Array.from(seg.getElementsByTagNameNS(NS, 'ph'))) expect(ph.getAttribute('id')).toMatch(/^ph\d+$/);
      }
      expect(xml).toMatch(/<ph id="ph1" equiv="\{\{controller\.name\}\}" disp="controller\.name"\/>/);
    } finally {
      cleanup(dir);
    }
  });

  it('round-trips: exporting every language and importing the files leaves the locale files byte-identical', async () => {
    const dir = exampleProject();
    try {
      const before = snapshotTree(join(dir, 'locales'));
      for (const lng of LOCALES) {
        expect((await cli(dir, 'translate', 'export', '--locale', lng, '--all', '--out', `${lng}.xlf`)).code).toBe(0);
        const r = await cli(dir, 'translate', 'import', `${lng}.xlf`);
        expect(r.stderr, lng).toBe('');
        expect(r.code).toBe(0);
      }
      expect(snapshotTree(join(dir, 'locales'))).toEqual(before);
    } finally {
      cleanup(dir);
    }
  });

  it('a translator fixes a stale unit: export lists it with notes, import makes it current', async () => {
    const dir = exampleProject();
    try {
      const lock = JSON.parse(readFileSync(join(dir, 'policy/privacy.units.json'), 'utf8')) as { units: Record<string, { text: string; section: string }> };
      const [id, unit] = Object.entries(lock.units).find(([, u]) => u.section === 'security' && u.text.length > 120)!;
      edit(dir, 'policy/privacy.md', (t) => t.replace(unit.text, `${unit.text} We also sell your personal data to data brokers.`));
      expect((await cli(dir, 'build', '-q')).code).toBe(0);
      expect((await cli(dir, 'translate', 'export', '--locale', 'de', '--out', 'de.xlf')).code).toBe(0);
      let xml = readFileSync(join(dir, 'de.xlf'), 'utf8');
      expect(xml.match(/<unit /g)?.length).toBe(1);
      expect(xml).toContain(`<unit id="${id}"`);
      expect(xml).toContain('<note category="previous-source">');
      expect(xml).toContain('<note category="previous-target">');
      xml = xml.replace('</source>', '</source>\n    <target>Wir verkaufen Ihre personenbezogenen Daten nicht; neuer Text.</target>');
      writeFileSync(join(dir, 'de.xlf'), xml);
      const r = await cli(dir, 'translate', 'import', 'de.xlf');
      expect(r.stderr).toBe('');
      const s = await status(dir);
      expect(s.locales.find((l) => l.locale === 'de')!.units).toEqual([]);
    } finally {
      cleanup(dir);
    }
  });

  it('rejects a file with every problem listed and changes nothing', async () => {
    const dir = exampleProject();
    try {
      expect((await cli(dir, 'translate', 'export', '--locale', 'de', '--all', '--out', 'de.xlf')).code).toBe(0);
      let xml = readFileSync(join(dir, 'de.xlf'), 'utf8');
      xml = xml.replace(/<target>([^<]*)<ph id="ph1"[^>]*\/>/, '<target>$1'); // a dropped placeholder
      xml = xml.replace(/<unit id="u0003"/, '<unit id="u9999"'); // an unknown id
      writeFileSync(join(dir, 'de.xlf'), xml);
      const before = snapshotTree(join(dir, 'locales'));
      const r = await cli(dir, 'translate', 'import', 'de.xlf');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/de\.xlf:\d+:\d+: error \[xliff\] unit u\d+: the target's placeholders/);
      expect(r.stderr).toMatch(/unknown unit id "u9999"/);
      expect(r.stderr).toMatch(/2 problems found; nothing was written/);
      expect(snapshotTree(join(dir, 'locales'))).toEqual(before);
      writeFileSync(join(dir, 'bad.xlf'), '<xliff version="2.0"><file>');
      const bad = await cli(dir, 'translate', 'import', 'bad.xlf');
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/bad\.xlf:\d+:\d+: error \[xliff-syntax\]/);
      expect(readdirSync(join(dir, 'locales/de')).filter((f) => !f.endsWith('.json'))).toEqual([]);
    } finally {
      cleanup(dir);
    }
  });
});
