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
      if (m.op === 'write') fs.writeFileSync(m.path, new Uint8Array(m.bytes, 0, m.length));
      else if (m.op === 'link') {
        try {
          fs.linkSync(m.from, m.path);
        } catch {
          fs.copyFileSync(m.from, m.path);
        }
      } else if (m.op === 'rm') fs.rmSync(m.path, { recursive: true, force: true });
    } catch (e) {
      errors.postMessage({ message: String(e && e.message), code: e && e.code, errno: e && e.errno, syscall: e && e.syscall, path: e && e.path });
      Atomics.store(state, 1, 1);
    }
  }
  Atomics.add(state, 0, 1);
  Atomics.notify(state, 0);
}
`;

/** Bytes queued for writing at most, before `write` waits for the thread to catch up. */
const QUEUE_LIMIT = 64 << 20;
/** Operations go to the thread in batches of this many, or of BATCH_BYTES (a message costs more than a small file). */
const BATCH_OPS = 16;
const BATCH_BYTES = 1 << 20;

type Op = { op: 'write'; path: string; dir?: string; bytes: ArrayBuffer; length: number } | { op: 'link'; path: string; dir?: string; from: string } | { op: 'rm'; path: string };

/**
 * File-system work on a second thread, in order, for a writer that goes on rendering meanwhile:
 * on two cores the syscalls of writing a site (a few hundred folders and files, which cost this VM
 * ~0.3 ms each) overlap with rendering instead of adding to it. `wait()` blocks until everything
 * sent is done, and throws the first failure as the fs call threw it. The thread never keeps the
 * process alive.
 */
export class IoThread {
  private readonly worker: Worker;
  private readonly state: Int32Array;
  private readonly errors: MessagePort;
  private sent = 0;
  /** Sizes of the writes not known to be done, oldest first (from `sizeFrom`), and their sum. */
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
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { shared, errors: port2 }, transferList: [port2] });
    this.worker.unref();
    port1.unref();
  }

  /**
   * Writes `bytes` to `path`, making `dir` first. With `owned` the caller hands the buffer over
   * (it is detached, unless it shares its memory: then, as without `owned`, a copy goes).
   */
  write(path: string, dir: string | undefined, bytes: Uint8Array, owned = false): void {
    if (!owned || bytes.byteOffset !== 0 || bytes.buffer.byteLength !== bytes.byteLength || !(bytes.buffer instanceof ArrayBuffer)) bytes = new Uint8Array(bytes);
    this.send({ op: 'write', path, ...(dir !== undefined ? { dir } : {}), bytes: bytes.buffer as ArrayBuffer, length: bytes.byteLength }, bytes.byteLength, [bytes.buffer as ArrayBuffer]);
    // bounded: when the disk is slower than rendering, rendering waits rather than memory growing
    while (this.queued > QUEUE_LIMIT) this.settle(this.dropped + this.sizeFrom + 1);
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
