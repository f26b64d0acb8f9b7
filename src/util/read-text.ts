import { readFileSync, statSync } from 'node:fs';
import { DiagnosticError } from '../model/diagnostics.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The largest input file noticekit reads (a master policy of 50 MB is refused, not parsed). */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/**
 * Reads a UTF-8 text input: refuses missing, binary, oversized and non-UTF-8 files with a
 * diagnostic naming the file; strips a BOM and normalises CRLF line ends so positions are stable.
 */
export function readTextFile(path: string, displayPath: string, opts: { optional?: boolean } = {}): string | undefined {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) fail(displayPath, 'not-a-file', `${displayPath} is not a regular file`, 'a text file');
    size = st.size;
  } catch (e) {
    if (e instanceof DiagnosticError) throw e;
    if (opts.optional) return undefined;
    fail(displayPath, 'file-missing', `cannot read ${displayPath}: file not found`, 'the file to exist', 'create it or check the path');
  }
  if (size > MAX_INPUT_BYTES) {
    fail(displayPath, 'file-too-large', `${displayPath} is ${(size / 1048576).toFixed(1)} MB, over the ${MAX_INPUT_BYTES / 1048576} MB limit`, 'a text file under the size limit', 'split the document or check that the right file is named');
  }
  const bytes = readFileSync(path);
  return decodeText(bytes, displayPath);
}

export function decodeText(bytes: Uint8Array, displayPath: string): string {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const { line, column } = lineOf(bytes, nul);
    fail(displayPath, 'binary-file', `${displayPath} looks like a binary file (a NUL byte at line ${line}, column ${column})`, 'UTF-8 text', 'check that the right file is named', line, column);
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const { line, column } = lineOf(bytes, bad);
    fail(displayPath, 'not-utf8', `${displayPath} is not valid UTF-8 (invalid byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')} at line ${line}, column ${column})`, 'UTF-8 text', 're-save the file as UTF-8', line, column);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  return text;
}

function lineOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) { line++; start = i + 1; }
  return { line, column: offset - start + 1 };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return 0;
}

function fail(file: string, rule: string, message: string, expected: string, hint?: string, line?: number, column?: number): never {
  throw new DiagnosticError([{ severity: 'error', rule, file, message, expected, ...(hint ? { hint } : {}), ...(line ? { line, column } : {}) }]);
}
