import { describe, it, expect } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadJurisdictions, readRegistryData, dataFileHashes, PRECOMPILED_JURISDICTIONS } from '../../src/jurisdictions/index.js';

const DATA = fileURLToPath(new URL('../../src/jurisdictions/data/', import.meta.url));

describe('precompiled jurisdiction registry', () => {
  it('npm run build writes the registry of the packs as they are, with their hashes', () => {
    expect(existsSync(PRECOMPILED_JURISDICTIONS)).toBe(true);
    const file = JSON.parse(readFileSync(PRECOMPILED_JURISDICTIONS, 'utf8')) as { files: Record<string, string>; data: unknown };
    expect(file.files).toEqual(dataFileHashes(DATA));
    expect(JSON.stringify(file.data)).toBe(JSON.stringify(readRegistryData(DATA)));
  });

  it('the default registry (precompiled) answers as one read from the files', () => {
    const copy = mkdtempSync(join(tmpdir(), 'nk-jur-'));
    cpSync(DATA, copy, { recursive: true });
    const pre = loadJurisdictions();
    const read = loadJurisdictions(copy);
    rmSync(copy, { recursive: true, force: true });
    expect(pre).not.toBe(read);
    expect(pre.ids()).toEqual(read.ids());
    for (const id of pre.ids()) {
      expect(pre.get(id)).toEqual(read.get(id));
      expect(Object.isFrozen(pre.get(id))).toBe(true);
      expect(pre.chain(id)).toEqual(read.chain(id));
      expect(pre.lawIds(id)).toEqual(read.lawIds(id));
      expect(JSON.stringify(pre.compose([id]))).toBe(JSON.stringify(read.compose([id])));
    }
    for (const ids of [['us', 'us-ca'], ['ca', 'ca-qc'], ['uk']]) expect(JSON.stringify(pre.compose(ids))).toBe(JSON.stringify(read.compose(ids)));
  });

  it('a data directory that differs from the precompiled one is read from its files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nk-jur-'));
    try {
      cpSync(DATA, dir, { recursive: true });
      const de = join(dir, 'de.yaml');
      writeFileSync(de, readFileSync(de, 'utf8').replace(/^name: .*$/m, 'name: Deutschland (test)'));
      expect(loadJurisdictions(dir).get('de')?.name).toBe('Deutschland (test)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
