import { Worker, MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';

/**
 * The worker's code: a plain script (not a module of this package, so it runs the same from the
 * sources under test, from dist/ and from the bundle). It makes folders, writes, links and copies
 * files and removes trees, in the order it is sent them. After the first failure it does nothing
 * more but count; the failure goes back on `errors`. `state[0]` counts operations done (each one,
 * failed or skipped included, and is notified), `state[1]` is set on failure, `state[2]` by the
 * main thread to skip what is still queued.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const state = new Int32Array(workerData.shared);
const ring = workerData.ring;
const errors = workerData.errors;
const made = new Set();
parentPort.on('message', (batch) => {
  for (const m of batch) run(m);
});
function run(m) {
  if (Atomics.load(state, 1) === 0 && Atomics.load(state, 2) === 0) {
    try {
      if (m.dir !== undefined && !made.has(m.dir)) {
        fs.mkdirSync(m.dir, { recursive: true });
        made.add(m.dir);
      }
      if (m.op === 'write') fs.writeFileSync(m.path, m.bytes ? new Uint8Array(m.bytes, 0, m.length) : new Uint8Array(ring, m.at, m.length));
      else if (m.op === 'link') {
        try {
          fs.linkSync(m.from, m.path);
        } catch {
          fs.copyFileSync(m.from, m.path);
        }
      } else if (m.op === 'rm') fs.rmSync(m.path, { recursive: true, force: true });
      else if (m.op === 'reset') made.clear();
    } catch (e) {
      errors.postMessage({ message: String(e && e.message), code: e && e.code, errno: e && e.errno, syscall: e && e.syscall, path: e && e.path });
      Atomics.store(state, 1, 1);
    }
  }
  Atomics.add(state, 0, 1);
  Atomics.notify(state, 0);
}
`;

/**
 * The bytes of the writes not yet done live in a ring of shared memory this long: `write` copies
 * into it and waits for room when the disk is slower than rendering. No buffer is made per file
 * (the thread's garbage collector let tens of MB of written buffers pile up); a file longer than
 * half the ring goes in a buffer of its own.
 */
const RING = 16 << 20;
/** Operations go to the thread in batches of this many, or of BATCH_BYTES (a message costs more than a small file). */
const BATCH_OPS = 16;
const BATCH_BYTES = 1 << 20;

type Op = { op: 'write'; path: string; dir?: string; at: number; length: number } | { op: 'write'; path: string; dir?: string; bytes: ArrayBuffer; length: number } | { op: 'link'; path: string; dir?: string; from: string } | { op: 'rm'; path: string } | { op: 'reset' };

/**
 * File-system work on a second thread, in order, for a writer that goes on rendering meanwhile:
 * on two cores the syscalls of writing a site (a few hundred folders and files, which cost this VM
 * ~0.3 ms each) overlap with rendering instead of adding to it. `wait()` blocks until everything
 * sent is done, and throws the first failure as the fs call threw it. The thread never keeps the
 * process alive.
 */
export class IoThread {
  private static instance: IoThread | undefined;
  /**
   * The process's I/O thread, started on first use and kept (it never keeps the process alive):
   * one worker and one ring however many builds run, also when a program runs them back to back
   * without returning to the event loop (where a thread ended with `close` is not gone yet).
   */
  static shared(): IoThread {
    const io = (IoThread.instance ??= new IoThread());
    io.begin();
    return io;
  }

  private readonly worker: Worker;
  private readonly state: Int32Array;
  private readonly ring = new Uint8Array(new SharedArrayBuffer(RING));
  /** Bytes put in the ring so far (the next write goes at head % RING). */
  private head = 0;
  private readonly errors: MessagePort;
  private sent = 0;
  /** Ring bytes of the operations not known to be done, oldest first (from `sizeFrom`), and their sum. */
  private readonly sizes: number[] = [];
  private sizeFrom = 0;
  /** Entries dropped from the front of `sizes` (done long ago). */
  private dropped = 0;
  private queued = 0;
  /** Operations not yet posted, and the buffers they hand over. */
  private batch: Op[] = [];
  private batchTransfer: ArrayBuffer[] = [];
  private batchBytes = 0;

  constructor() {
    const shared = new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT);
    this.state = new Int32Array(shared);
    const { port1, port2 } = new MessageChannel();
    this.errors = port1;
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { shared, ring: this.ring.buffer, errors: port2 }, transferList: [port2] });
    this.worker.unref();
    port1.unref();
  }

  /** Writes `bytes` to `path`, making `dir` first. The bytes are copied: the caller may reuse its buffer at once. */
  write(path: string, dir: string | undefined, bytes: Uint8Array): void {
    const n = bytes.byteLength;
    const d = dir !== undefined ? { dir } : {};
    if (n > RING / 2) {
      // rare (a sitemap of thousands of pages): a buffer of its own, written before going on, so
      // that such buffers never pile up
      const own = new Uint8Array(bytes);
      this.send({ op: 'write', path, ...d, bytes: own.buffer, length: n }, 0, [own.buffer]);
      this.settle(this.sent);
      return;
    }
    // the next n bytes of the ring, from its start when they do not fit before its end
    let at = this.head % RING;
    const pad = at + n > RING ? RING - at : 0;
    if (pad) at = 0;
    while (this.queued + pad + n > RING) this.settle(this.dropped + this.sizeFrom + 1);
    this.ring.set(bytes, at);
    this.head += pad + n;
    this.send({ op: 'write', path, ...d, at, length: n }, pad + n);
  }

  /** Hard-links `from` as `path` (a copy where links are not possible). */
  link(path: string, dir: string | undefined, from: string): void {
    this.send({ op: 'link', path, ...(dir !== undefined ? { dir } : {}), from }, 0);
  }

  /** Removes a tree, as `rmSync(path, { recursive: true, force: true })`. */
  remove(path: string): void {
    this.send({ op: 'rm', path }, 0);
  }

  /** Blocks until everything sent is done; throws the first failure. */
  wait(): void {
    this.settle(this.sent);
    const failure = receiveMessageOnPort(this.errors)?.message as { message: string; code?: string; errno?: number; syscall?: string; path?: string } | undefined;
    if (failure) throw Object.assign(new Error(failure.message), Object.fromEntries(Object.entries(failure).filter(([k, v]) => k !== 'message' && v !== undefined)));
  }

  /** Skips what is still queued and waits for the thread to be idle (nothing it does after this). */
  cancel(): void {
    Atomics.store(this.state, 2, 1);
    this.flush();
    this.settle(this.sent);
  }

  /** Starts a new job: waits for anything left by the previous one, forgets its failure and its cancel. */
  begin(): void {
    this.flush();
    this.settle(this.sent);
    while (receiveMessageOnPort(this.errors)) {
      // a failure of an abandoned job
    }
    Atomics.store(this.state, 1, 0);
    Atomics.store(this.state, 2, 0);
    // the folders it made belong to the previous job
    this.send({ op: 'reset' }, 0);
  }

  /** Ends the thread (it is idle after wait or cancel). */
  close(): void {
    void this.worker.terminate();
  }

  private send(op: Op, size: number, transfer: ArrayBuffer[] = []): void {
    this.batch.push(op);
    this.batchTransfer.push(...transfer);
    this.batchBytes += size;
    this.sent++;
    this.sizes.push(size);
    this.queued += size;
    if (this.batch.length >= BATCH_OPS || this.batchBytes >= BATCH_BYTES) this.flush();
  }

  private flush(): void {
    if (!this.batch.length) return;
    this.worker.postMessage(this.batch, this.batchTransfer);
    this.batch = [];
    this.batchTransfer = [];
    this.batchBytes = 0;
  }

  /** Blocks until at least `count` operations are done. */
  private settle(count: number): void {
    this.flush();
    let done: number;
    while ((done = Atomics.load(this.state, 0)) < count) Atomics.wait(this.state, 0, done);
    while (this.dropped + this.sizeFrom < done) this.queued -= this.sizes[this.sizeFrom++]!;
    if (this.sizeFrom > 4096 && this.sizeFrom * 2 > this.sizes.length) {
      this.sizes.splice(0, this.sizeFrom);
      this.dropped += this.sizeFrom;
      this.sizeFrom = 0;
    }
  }
}
