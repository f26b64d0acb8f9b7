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
  it('writes, links and removes in the order sent, making folders first; the caller may reuse its buffer at once', () => {
    const d = scratch();
    const io = new IoThread();
    const reused = Buffer.from('first text, long enough to matter '.repeat(200));
    io.write(join(d, 'a/b/one.txt'), join(d, 'a/b'), reused);
    reused.fill(120); // the bytes were copied: this must not change the file
    const kept = new TextEncoder().encode('two');
    io.write(join(d, 'a/two.txt'), join(d, 'a'), kept);
    io.link(join(d, 'a/b/three.txt'), undefined, join(d, 'a/two.txt'));
    io.remove(join(d, 'a/two.txt'));
    // a file longer than half the ring goes in a buffer of its own
    const big = Buffer.alloc(9 << 20, 98);
    io.write(join(d, 'a/big.bin'), undefined, big);
    io.wait();
    io.close();
    expect(readFileSync(join(d, 'a/b/one.txt'), 'utf8')).toBe('first text, long enough to matter '.repeat(200));
    expect(readFileSync(join(d, 'a/b/three.txt'), 'utf8')).toBe('two');
    expect(existsSync(join(d, 'a/two.txt'))).toBe(false);
    expect(readFileSync(join(d, 'a/big.bin')).equals(big)).toBe(true);
  });

  it('reuses its ring of shared memory: many files of every size, each written with its own bytes', () => {
    const d = scratch();
    const io = new IoThread();
    const sizes: number[] = [];
    // about 75 MB in all: the 16 MB ring wraps around four times, with files of a few bytes to 2.4 MB
    for (let i = 0; i < 60; i++) sizes.push(((i * 7919) % 97) * 4099 + (i % 5) * 500_009 + 1);
    const scratchBuf = Buffer.alloc(Math.max(...sizes));
    sizes.forEach((n, i) => {
      scratchBuf.fill(i % 251, 0, n);
      io.write(join(d, `f${i}.bin`), i === 0 ? d : undefined, scratchBuf.subarray(0, n));
    });
    expect((io as unknown as { queued: number }).queued).toBeLessThanOrEqual(16 << 20);
    io.wait();
    io.close();
    sizes.forEach((n, i) => {
      const got = readFileSync(join(d, `f${i}.bin`));
      expect(got.equals(Buffer.alloc(n, i % 251)), `f${i}`).toBe(true);
    });
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

  it('builds one after the other share one thread: a failure of one does not reach the next', () => {
    const parent = scratch();
    const target = join(parent, 'out');
    const first = new DirWriter(target, undefined, { thread: true });
    first.put('x/file', 'a file where a folder will be wanted');
    first.put('x/file/inside.txt', 'cannot be written');
    expect(() => first.commit()).toThrow(/EEXIST|ENOTDIR/);
    for (let i = 0; i < 3; i++) {
      const w = new DirWriter(target, undefined, { thread: true });
      w.put('x/file/inside.txt', `round ${i}`);
      w.commit();
      expect(readFileSync(join(target, 'x/file/inside.txt'), 'utf8')).toBe(`round ${i}`);
    }
    expect(IoThread.shared()).toBe(IoThread.shared());
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
