import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { createRequire } from 'node:module';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, exampleProject, cleanup, cli } from '../helpers/project.js';

/** The HTML redline of `noticekit diff --format html`, opened in Debian's Chromium. */
const require = createRequire(import.meta.url);
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let browser: Browser;
let dir: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run \`apt-get install -y chromium\` (.ci/run does)`);
  dir = exampleProject();
  // the example's history: snapshots/ with 1.0.0 and 2.0.0
  cpSync(join(REPO, 'snapshots'), join(dir, 'snapshots'), { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (dir) cleanup(dir);
});

describe('the HTML redline in Chromium', { timeout: 180_000 }, () => {
  it('shows insertions and deletions, links every material change from the sidebar, and loads nothing else', async () => {
    const r = await cli(dir, 'diff', '--from', '1.0.0', '--to', '2.0.0', '--format', 'html');
    expect(r.code).toBe(0);
    writeFileSync(join(dir, 'redline.html'), r.stdout);
    const page = await browser.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (q) => requests.push(q.url()));
    await page.goto(`file://${join(dir, 'redline.html')}`);
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    expect(await page.getAttribute('html', 'lang')).toBeTruthy();
    expect(await page.locator('ins').count()).toBeGreaterThan(0);
    expect(await page.locator('del').count()).toBeGreaterThan(0);
    // the sidebar lists the material changes; each link lands on an element of the page
    const targets = await page.$$eval('a[href^="#"]', (as) => as.map((a) => a.getAttribute('href')!.slice(1)));
    expect(targets.length).toBeGreaterThan(0);
    for (const id of targets) expect(await page.locator(`[id="${id}"]`).count(), id).toBe(1);
    const text = await page.textContent('body');
    expect(text).toContain('Kumo Crash Analytics');
    // axe: no serious or critical accessibility violations
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      const w = window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string }[] }> } };
      return (await w.axe.run()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await page.close();
  });

  it('does not run script from the policy text', async () => {
    writeFileSync(join(dir, 'old.md'), '# Policy\n\n## Data\n\nWe collect your email.\n');
    writeFileSync(join(dir, 'new.md'), '# Policy\n\n## Data\n\nWe collect your email <script>window.pwned = 1; alert(1)</script> and <img src=x onerror="window.pwned=2"> [x](javascript:window.pwned=3).\n');
    const r = await cli(dir, 'diff', 'old.md', 'new.md', '--format', 'html');
    expect(r.code).toBe(0);
    writeFileSync(join(dir, 'xss.html'), r.stdout);
    const page = await browser.newPage();
    let dialog = false;
    page.on('dialog', async (d) => {
      dialog = true;
      await d.dismiss();
    });
    await page.goto(`file://${join(dir, 'xss.html')}`);
    await page.locator('a').evaluateAll((as) => as.forEach((a) => (a as HTMLAnchorElement).click()));
    expect(dialog).toBe(false);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(readFileSync(join(dir, 'xss.html'), 'utf8')).not.toMatch(/<script>window\.pwned/);
    await page.close();
  });
});
