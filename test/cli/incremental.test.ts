import { describe, it, expect } from 'vitest';
import { statSync, readFileSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { exampleProject, cleanup, cli, snapshotTree, edit } from '../helpers/project.js';

/** path → inode of every file of the output: an unchanged inode means the file was not written again. */
function inodes(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of snapshotTree(dir).keys()) out.set(p, statSync(join(dir, p)).ino);
  return out;
}

function changed(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...after].filter(([p, ino]) => before.get(p) !== ino && !p.startsWith('.noticekit')).map(([p]) => p).sort();
}

describe('incremental builds', () => {
  it('a rebuild with nothing changed renders and writes nothing', async () => {
    const dir = exampleProject();
    try {
      expect((await cli(dir, 'build', '-q')).code).toBe(0);
      const before = inodes(join(dir, 'out'));
      const mtimes = [...before.keys()].map((p) => statSync(join(dir, 'out', p)).mtimeMs);
      const r = await cli(dir, 'build');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/out\/ is up to date \(\d+ pages\); nothing was rendered or written/);
      expect(inodes(join(dir, 'out'))).toEqual(before);
      expect([...before.keys()].map((p) => statSync(join(dir, 'out', p)).mtimeMs)).toEqual(mtimes);
    } finally {
      cleanup(dir);
    }
  });

  it('a locale change rewrites exactly the pages in that language', async () => {
    const dir = exampleProject();
    try {
      await cli(dir, 'build', '-q');
      const before = inodes(join(dir, 'out'));
      edit(dir, 'locales/th/ui.json', (t) => t.replace(/"contents": "[^"]*"/, '"contents": "สารบัญ (ใหม่)"'));
      const r = await cli(dir, 'build');
      expect(r.code).toBe(0);
      expect(changed(before, inodes(join(dir, 'out')))).toEqual(['th/th/index.html']);
    } finally {
      cleanup(dir);
    }
  });

  it('a template change rewrites exactly the pages that use it', async () => {
    const dir = exampleProject();
    try {
      await cli(dir, 'build', '-q');
      const before = inodes(join(dir, 'out'));
      // the storage block appears only where data must stay in the country
      mkdirSync(join(dir, 'templates/facts'), { recursive: true });
      writeFileSync(join(dir, 'templates/facts/storage.md.hbs'), '{{#each rows}}\n**{{statement}}**\n{{/each}}\n');
      const expected = [...before.keys()].filter((p) => p.endsWith('.md') && p !== 'index.md').filter((p) => {
        const html = readFileSync(join(dir, 'out', p.replace(/\.md$/, '.html')), 'utf8');
        return html.includes('nk-facts-storage');
      });
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(10);
      const r = await cli(dir, 'build');
      expect(r.code).toBe(0);
      const got = changed(before, inodes(join(dir, 'out')));
      const dirs = expected.map((p) => p.replace(/index\.md$/, ''));
      // the pages that show the block, and the files that describe those pages (privacy.json), only
      expect(got.filter((p) => !dirs.some((d) => p.startsWith(d)) && p !== 'sitemap.xml')).toEqual([]);
      for (const p of expected) expect(got).toEqual(expect.arrayContaining([p, p.replace(/\.md$/, '.html')]));
    } finally {
      cleanup(dir);
    }
  });
});

describe('sharded builds', () => {
  it('three shards merged give the same site as one build', async () => {
    const dir = exampleProject();
    try {
      expect((await cli(dir, 'build', '-q', '--out', 'full')).code).toBe(0);
      for (const i of [1, 2, 3]) expect((await cli(dir, 'build', '-q', '--shard', `${i}/3`, '--out', `shard-${i}`)).code).toBe(0);
      const sizes = [1, 2, 3].map((i) => [...snapshotTree(join(dir, `shard-${i}`)).keys()].filter((p) => p.endsWith('index.html')).length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(3);
      const r = await cli(dir, 'merge-shards', 'shard-1', 'shard-2', 'shard-3', '--out', 'merged');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const strip = (m: Map<string, string>) => new Map([...m].filter(([p]) => !p.startsWith('.noticekit')));
      expect(strip(snapshotTree(join(dir, 'merged')))).toEqual(strip(snapshotTree(join(dir, 'full'))));
    } finally {
      cleanup(dir);
    }
  });

  it('refuses a missing shard, a shard from other inputs and a damaged file', async () => {
    const dir = exampleProject();
    try {
      for (const i of [1, 2]) await cli(dir, 'build', '-q', '--shard', `${i}/2`, '--out', `s${i}`);
      let r = await cli(dir, 'merge-shards', 's1', '--out', 'merged');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/missing shard 2\/2/);
      cpSync(join(dir, 's2'), join(dir, 's2-copy'), { recursive: true });
      const page = [...snapshotTree(join(dir, 's2-copy')).keys()].find((p) => p.endsWith('index.html'))!;
      writeFileSync(join(dir, 's2-copy', page), 'tampered');
      r = await cli(dir, 'merge-shards', 's1', 's2-copy', '--out', 'merged');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/does not match the hash/);
      edit(dir, 'policy/privacy.md', (t) => `${t}\nOne more sentence.\n`);
      await cli(dir, 'build', '-q', '--shard', '2/2', '--out', 's2-new');
      r = await cli(dir, 'merge-shards', 's1', 's2-new', '--out', 'merged');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/built from other inputs/);
      expect(() => statSync(join(dir, 'merged'))).toThrow();
    } finally {
      cleanup(dir);
    }
  });
});

