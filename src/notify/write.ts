import { resolve } from 'node:path';
import { guardOutputDir } from '../util/out-dir.js';
import { replaceDirAtomic } from '../util/atomic.js';
import { NOTIFY_MARKER } from './output.js';

/** Refuses an output folder that would replace the project, its sources or a folder notify did not make. */
export function guardNotifyOut(root: string, outDir: string): void {
  guardOutputDir(root, outDir, { marker: NOTIFY_MARKER, what: 'the notices', command: 'noticekit notify', example: 'notices', hint: 'pass --out notices' });
}

/** Writes the files of a run into `outDir`, swapping the whole folder in at once. */
export function writeNotices(root: string, outDir: string, files: Map<string, string>): void {
  const dir = resolve(outDir);
  guardNotifyOut(resolve(root), dir);
  replaceDirAtomic(dir, files);
}
