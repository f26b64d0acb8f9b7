import { it, expect } from 'vitest';
import { existsSync } from 'node:fs';

/** The browser tests never skip and never download a browser: without Debian's Chromium they fail here, saying what to do. */
it('finds Chromium at /usr/bin/chromium for the browser tests', () => {
  expect(existsSync('/usr/bin/chromium'), 'Chromium is not installed at /usr/bin/chromium: run `apt-get install -y chromium` (the browser tests need it)').toBe(true);
});
