import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exampleProject, cleanup, cli } from '../helpers/project.js';

/**
 * Golden files of rendered notices. They change only on purpose:
 *   UPDATE_GOLDEN=1 npx vitest run test/golden
 * and never in CI (CI=true refuses to write them).
 */
const GOLDEN = fileURLToPath(new URL('./pages/', import.meta.url));
const PAGES = [
  ['de', 'de'],
  ['us', 'en'],
  ['cn', 'zh-CN'],
  ['th', 'th'],
  ['ca', 'fr-CA'],
] as const;
const update = process.env.UPDATE_GOLDEN === '1' && process.env.CI !== 'true';

describe('golden notices (Markdown output)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = exampleProject();
    const r = await cli(dir, 'build', '-q', '--regions', [...new Set(PAGES.map((p) => p[0]))].join(','));
    expect(r.stderr).toBe('');
  });
  afterAll(() => cleanup(dir));

  for (const [region, lng] of PAGES) {
    it(`${region}/${lng} matches test/golden/pages/${region}-${lng}.md`, () => {
      const actual = readFileSync(join(dir, 'out', region, lng.toLowerCase(), 'index.md'), 'utf8');
      const file = join(GOLDEN, `${region}-${lng}.md`);
      if (update) writeFileSync(file, actual);
      expect(existsSync(file), `missing golden file ${file}: run UPDATE_GOLDEN=1 npx vitest run test/golden`).toBe(true);
      expect(actual).toBe(readFileSync(file, 'utf8'));
    });
  }
});
