import { resolve } from 'node:path';
import type { CliIo } from './io.js';
import type { ParsedArgs } from './main.js';
import { UsageError } from './usage-error.js';
import { loadConfig } from '../parse/config.js';
import { DiagnosticBag } from '../model/diagnostics.js';

/** A string option's value, or undefined when it is not given (or given as a bare flag). */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}

/**
 * `--format`: one of `allowed` (`fallback` when not given), or another name for one of them
 * (`aliases`). Anything else is a usage error that lists the formats.
 */
export function formatOption<F extends string>(args: ParsedArgs, allowed: readonly F[], fallback: F, aliases: Readonly<Record<string, F>> = {}): F {
  const given = stringOption(args, 'format') ?? fallback;
  const format = (aliases[given] ?? given) as F;
  if (!allowed.includes(format)) throw new UsageError(`unknown --format "${given}" (expected one of: ${allowed.join(', ')})`);
  return format;
}

/** A comma-separated list option (`--regions de,fr`): undefined when not given, a usage error when empty. */
export function listOption(args: ParsedArgs, name: string, what: string, example: string): string[] | undefined {
  const v = args.values[name];
  if (v === undefined) return undefined;
  const list = typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : [];
  if (!list.length) throw new UsageError(`--${name} needs at least one ${what}, e.g. --${name} ${example}`);
  return list;
}

/** The project folder: `--root`, or the working folder. */
export function projectRoot(args: ParsedArgs, io: CliIo): string {
  return resolve(io.cwd, String(args.values.root ?? '.'));
}

/** The name of the project's document (`privacy`), from its configuration; bad configuration throws its diagnostics. */
export function projectDocument(root: string): string {
  const diags = new DiagnosticBag();
  const doc = loadConfig(root, diags).document;
  diags.throwIfErrors();
  return doc;
}
