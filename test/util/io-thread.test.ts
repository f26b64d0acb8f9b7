import { describe, it, expect, afterEach } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, rmSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IoThread } from '../../src/util/io-thread.js';
import { DirWriter } from '../../src/util/atomic.js';

const dirs: string[] = [];
const scratch = () => {
  const d = mkdtempSync(join(tmpdir(), 'nk-io-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('IoThread', () => {
  it('writes, links and removes in the order sent, making folders first', () => {
    const d = scratch();
    const io = new IoThread();
    const owned = Buffer.from('handed over, and long enough not to come from the pool '.repeat(200));
    io.write(join(d, 'a/b/one.txt'), join(d, 'a/b'), owned, true);
    const kept = new TextEncoder().encode('two');
    io.write(join(d, 'a/two.txt'), join(d, 'a'), kept);
    io.link(join(d, 'a/b/three.txt'), undefined, join(d, 'a/two.txt'));
    io.remove(join(d, 'a/two.txt'));
    io.wait();
    io.close();
    expect(readFileSync(join(d, 'a/b/one.txt'), 'utf8')).toBe('handed over, and long enough not to come from the pool '.repeat(200));
    expect(readFileSync(join(d, 'a/b/three.txt'), 'utf8')).toBe('two');
    expect(existsSync(join(d, 'a/two.txt'))).toBe(false);
    // a buffer not handed over stays usable; one handed over is the thread's
    expect(new TextDecoder().decode(kept)).toBe('two');
    expect(owned.byteLength).toBe(0);
  });

  it('throws the first failure as the fs call threw it, and does nothing after it', () => {
    const d = scratch();
    writeFileSync(join(d, 'file'), 'x');
    const io = new IoThread();
    io.write(join(d, 'file/inside.txt'), join(d, 'file'), Buffer.from('no folder can be made under a file'));
    io.write(join(d, 'later.txt'), undefined, Buffer.from('skipped'));
    let error: NodeJS.ErrnoException | undefined;
    try {
      io.wait();
    } catch (e) {
      error = e as NodeJS.ErrnoException;
    }
    io.close();
    expect(error?.code).toMatch(/^(EEXIST|ENOTDIR)$/);
    expect(error?.message).toContain(join(d, 'file'));
    expect(existsSync(join(d, 'later.txt'))).toBe(false);
  });

  it('cancel returns once the thread is idle: nothing is written after it', () => {
    const d = scratch();
    const io = new IoThread();
    for (let i = 0; i < 200; i++) io.write(join(d, `f${i}.txt`), i === 0 ? d : undefined, Buffer.alloc(64 << 10, 97));
    io.cancel();
    const after = existsSync(d) ? readdirSync(d).length : 0;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    expect(readdirSync(d).length).toBe(after);
    io.close();
  });

  it('keeps at most about 64 MB queued: a writer faster than the disk waits', () => {
    const d = scratch();
    const io = new IoThread();
    const mb = 1 << 20;
    for (let i = 0; i < 100; i++) io.write(join(d, `f${i}.bin`), i === 0 ? d : undefined, Buffer.allocUnsafeSlow(mb), true);
    expect((io as unknown as { queued: number }).queued).toBeLessThanOrEqual(64 * mb);
    io.wait();
    io.close();
    expect(readdirSync(d)).toHaveLength(100);
  });
});

describe('DirWriter on a second thread', () => {
  it('writes the same folder, swaps it in and removes the previous one', () => {
    const parent = scratch();
    const target = join(parent, 'out');
    mkdirSync(join(target, 'old/deep'), { recursive: true });
    writeFileSync(join(target, 'old/deep/stale.html'), 'stale');
    const w = new DirWriter(target, undefined, { thread: true });
    const hash = w.put('a/index.html', ['<p>', 'pieces', '</p>']);
    w.put('a/b/c.json', '{"ü": "€"}');
    w.put('top.txt', new Uint8Array([104, 105]));
    w.commit();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(join(target, 'a/index.html'), 'utf8')).toBe('<p>pieces</p>');
    expect(readFileSync(join(target, 'a/b/c.json'), 'utf8')).toBe('{"ü": "€"}');
    expect(readFileSync(join(target, 'top.txt'), 'utf8')).toBe('hi');
    expect(existsSync(join(target, 'old'))).toBe(false);
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('a failed write on the thread aborts at commit: the previous folder stays, no temporary folder is left', () => {
    const parent = scratch();
    const target = join(parent, 'out');
    mkdirSync(target);
    writeFileSync(join(target, 'kept.txt'), 'previous');
    const w = new DirWriter(target, undefined, { thread: true });
    w.put('x/file', 'a file where a folder will be wanted');
    w.put('x/file/inside.txt', 'cannot be written');
    expect(() => w.commit()).toThrow(/EEXIST|ENOTDIR/);
    expect(readFileSync(join(target, 'kept.txt'), 'utf8')).toBe('previous');
    expect(readdirSync(parent)).toEqual(['out']);
  });
});
