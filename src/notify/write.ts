import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { DiagnosticError } from '../model/diagnostics.js';
import { replaceDirAtomic } from '../util/atomic.js';
import { NOTIFY_MARKER } from './output.js';

/**
 * Refuses an output folder that would replace the project, one of its source folders, or a folder
 * that notify did not make: the notices replace their output folder as a whole.
 */
export function guardNotifyOut(root: string, outDir: string): void {
  const rel = relative(outDir, root);
  const isAncestorOrSelf = rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  const inside = (dir: string) => {
    const r = relative(join(root, dir), outDir);
    return r === '' || (!r.startsWith('..') && !isAbsolute(r));
  };
  const protectedDir = ['policy', 'templates', 'locales', 'snapshots', 'src', 'node_modules', '.git', 'test'].find(inside);
  const shown = relative(process.cwd(), outDir) || '.';
  if (isAncestorOrSelf || protectedDir) {
    throw new DiagnosticError([{ severity: 'error', rule: 'unsafe-out-dir', file: shown, message: `refusing to write the notices into ${isAncestorOrSelf ? 'the project folder or one of its parents' : `${protectedDir}${sep}`}: notify replaces its output folder as a whole`, expected: 'an output folder of its own, such as notices/', hint: 'pass --out notices' }]);
  }
  if (existsSync(outDir)) {
    if (!statSync(outDir).isDirectory()) throw new DiagnosticError([{ severity: 'error', rule: 'unsafe-out-dir', file: shown, message: 'the output path exists and is not a folder', expected: 'a folder noticekit notify made, or none', hint: 'choose another --out' }]);
    const entries = readdirSync(outDir);
    if (entries.length > 0 && !entries.includes(NOTIFY_MARKER)) {
      throw new DiagnosticError([{ severity: 'error', rule: 'unsafe-out-dir', file: shown, message: `the output folder is not empty and was not made by noticekit notify (no ${NOTIFY_MARKER}); notify would replace it`, expected: 'an empty folder, a new one, or one noticekit notify wrote', hint: 'choose another --out, or empty the folder yourself' }]);
    }
  }
}

/** Writes the files of a run into `outDir`, swapping the whole folder in at once. */
export function writeNotices(root: string, outDir: string, files: Map<string, string>): void {
  const dir = resolve(outDir);
  guardNotifyOut(resolve(root), dir);
  replaceDirAtomic(dir, files);
}
