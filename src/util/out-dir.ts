import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { DiagnosticError } from '../model/diagnostics.js';

/** Folders of a policy project that no command may replace with its output. */
const PROTECTED = ['policy', 'templates', 'locales', 'snapshots', 'src', 'node_modules', '.git', 'test'];

export interface OutDirRules {
  /** The file a command leaves in its output folder, by which it knows a folder it made. */
  marker: string;
  /** What the command writes, for messages: `the site`, `the notices`. */
  what: string;
  /** The command, for messages: `noticekit`, `noticekit notify`. */
  command: string;
  /** An output folder to suggest: `out`, `notices`. */
  example: string;
  /** The flag or setting that names it. */
  hint: string;
}

/**
 * Refuses an output folder that a command would replace as a whole when that would destroy
 * something: the project or a parent of it, one of its source folders, a file, or a non-empty
 * folder the command did not make.
 */
export function guardOutputDir(root: string, outDir: string, rules: OutDirRules): void {
  // named from the project, as every other diagnostic is (process.cwd() is not the caller's folder under -C or in a library call)
  const shown = relative(root, outDir) || '.';
  const rel = relative(outDir, root);
  const isAncestorOrSelf = rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  const inside = (dir: string) => {
    const r = relative(join(root, dir), outDir);
    return r === '' || (!r.startsWith('..') && !isAbsolute(r));
  };
  const protectedDir = PROTECTED.find(inside);
  const fail = (message: string, expected: string, hint: string): never => {
    throw new DiagnosticError([{ severity: 'error', rule: 'unsafe-out-dir', file: shown, message, expected, hint }]);
  };
  if (isAncestorOrSelf || protectedDir) {
    fail(`refusing to write ${rules.what} into ${isAncestorOrSelf ? 'the project folder or one of its parents' : `${protectedDir}${sep}`}: ${rules.command} replaces its output folder as a whole`, `an output folder of its own, such as ${rules.example}/`, rules.hint);
  }
  if (!existsSync(outDir)) return;
  if (!statSync(outDir).isDirectory()) fail('the output path exists and is not a folder', `a folder ${rules.command} made, or none`, 'choose another --out');
  const entries = readdirSync(outDir);
  if (entries.length > 0 && !entries.includes(rules.marker)) {
    fail(`the output folder is not empty and was not made by ${rules.command} (no ${rules.marker}); it would be replaced`, `an empty folder, a new one, or one ${rules.command} made`, 'choose another --out, or empty the folder yourself');
  }
}
