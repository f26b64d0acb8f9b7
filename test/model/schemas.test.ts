import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { SCHEMAS } from '../../src/model/schema.js';

describe('src/model/schemas.json', () => {
  it('is the JSON form of the TypeBox schemas in src/model/schema.ts (run `npm run schemas` after editing them)', () => {
    const file = JSON.parse(readFileSync(new URL('../../src/model/schemas.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    const fresh = JSON.parse(JSON.stringify(SCHEMAS)) as Record<string, unknown>;
    expect(file).toEqual(fresh);
  });
});
