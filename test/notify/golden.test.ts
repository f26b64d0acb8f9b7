import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanup, cli } from '../helpers/project.js';
import { DRAFT_FILES, mainScenario } from './scenario.js';

/**
 * Golden files of drafted change notices (email, banner, what changed, consent request). They
 * change only on purpose:
 *   UPDATE_GOLDEN=1 npx vitest run test/notify/golden.test.ts
 * and never in CI (CI=true refuses to write them).
 */
const GOLDEN = fileURLToPath(new URL('../golden/notices/', import.meta.url));
const PAGES = [
  ['de', 'de'],
  ['ca', 'fr-CA'],
  ['cn', 'zh-CN'],
  ['th', 'th'],
] as const;
const update = process.env.UPDATE_GOLDEN === '1' && process.env.CI !== 'true';

/** Every draft of one region and language in one text, each under a marker line. */
function drafts(dir: string, region: string, lng: string): string {
  const base = join(dir, 'notices', region, lng.toLowerCase());
  return DRAFT_FILES.filter((f) => existsSync(join(base, f)))
    .map((f) => `<!-- ${f} -->\n${readFileSync(join(base, f), 'utf8')}`)
    .join('\n');
}

describe('golden change notices (Markdown drafts)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mainScenario();
    const r = await cli(dir, 'notify', '-q', '--out', 'notices', '--regions', [...new Set(PAGES.map((p) => p[0]))].join(','));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
  afterAll(() => cleanup(dir));

  for (const [region, lng] of PAGES) {
    it(`${region}/${lng} matches test/golden/notices/${region}-${lng}.md`, () => {
      const actual = drafts(dir, region, lng);
      const file = join(GOLDEN, `${region}-${lng}.md`);
      if (update) writeFileSync(file, actual);
      expect(existsSync(file), `missing golden file ${file}: run UPDATE_GOLDEN=1 npx vitest run test/notify/golden.test.ts`).toBe(true);
      expect(actual).toBe(readFileSync(file, 'utf8'));
    });
  }
});
