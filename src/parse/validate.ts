import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { ErrorObject } from 'ajv';
import type { DiagnosticBag } from '../model/diagnostics.js';
import type { YamlSource } from './yaml-source.js';

export type SchemaName = 'facts' | 'regions' | 'config';
type Validate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** JSON Schemas of the project files, generated from src/model/schema.ts by `npm run schemas`. */
export const SCHEMAS_FILE = new URL('../../src/model/schemas.json', import.meta.url);
export const AJV_OPTIONS = { allErrors: true, strict: false, verbose: true };

let validators: Record<SchemaName, Validate> | undefined;

/**
 * The validators: precompiled by `npm run build` (scripts/compile-validators.mjs writes Ajv's
 * standalone code to dist/model/validators.cjs, so a CLI run neither loads Ajv nor compiles the
 * schemas); compiled on first use when running from source (tests).
 */
function getValidators(): Record<SchemaName, Validate> {
  if (validators) return validators;
  const require = createRequire(import.meta.url);
  try {
    validators = require('../model/validators.cjs') as Record<SchemaName, Validate>;
  } catch {
    const Ajv = (require('ajv') as { default: new (o: object) => { compile(s: unknown): Validate } }).default;
    const schemas = JSON.parse(readFileSync(SCHEMAS_FILE, 'utf8')) as Record<SchemaName, unknown>;
    const ajv = new Ajv(AJV_OPTIONS);
    validators = { facts: ajv.compile(schemas.facts), regions: ajv.compile(schemas.regions), config: ajv.compile(schemas.config) };
  }
  return validators;
}

/** Validates parsed YAML against a schema; each problem becomes a diagnostic at the offending value. */
export function validateSchema(name: SchemaName, src: YamlSource, diags: DiagnosticBag, what: string): boolean {
  const validate = getValidators()[name];
  if (validate(src.data)) return true;
  const errors = (validate.errors ?? []) as ErrorObject[];
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const seen = new Set<string>();
  for (const e of errors) {
    if ((e.keyword === 'const' || e.keyword === 'type') && anyOfPaths.has(e.instancePath)) continue;
    if (e.keyword === 'if' || e.keyword === 'allOf') continue;
    const path = e.instancePath.split('/').slice(1).map(decode);
    let message: string;
    let expected: string | undefined;
    let keyPos = false;
    const where = path.length ? path.join('.') : 'the top level';
    const desc = (e.parentSchema as { description?: string } | undefined)?.description;
    switch (e.keyword) {
      case 'additionalProperties':
      case 'unevaluatedProperties': {
        const k = (e.params as { additionalProperty?: string; unevaluatedProperty?: string }).additionalProperty ?? (e.params as { unevaluatedProperty?: string }).unevaluatedProperty ?? '';
        path.push(k);
        keyPos = true;
        message = `unknown key "${k}" in ${what} at ${where}`;
        const props = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
        expected = props.length ? `one of the keys: ${props.join(', ')}` : undefined;
        break;
      }
      case 'required': {
        const k = (e.params as { missingProperty: string }).missingProperty;
        message = `missing key "${k}" in ${what} at ${where}`;
        expected = `a "${k}" entry`;
        keyPos = path.length > 0;
        if (keyPos) keyPos = false;
        break;
      }
      case 'anyOf':
        message = `invalid value ${JSON.stringify(valueAt(src.data, path))} at ${where}`;
        expected = desc ?? 'one of the allowed values';
        break;
      case 'pattern':
        message = `invalid value ${JSON.stringify(valueAt(src.data, path))} at ${where}`;
        expected = desc ?? `text matching ${(e.params as { pattern: string }).pattern}`;
        break;
      case 'type':
        message = `wrong type at ${where}: found ${describe(valueAt(src.data, path))}`;
        expected = `${(e.params as { type: string }).type}${desc ? ` (${desc})` : ''}`;
        break;
      default:
        message = `${where} ${e.message ?? 'is invalid'}`;
        expected = desc;
    }
    const key = `${e.instancePath}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const at = src.locate(path, keyPos);
    diags.add({ rule: 'schema', file: src.file, line: at.line, column: at.column, message, ...(expected ? { expected } : {}), hint: 'see docs/policy-format.md, or run `noticekit schema` for editor validation' });
  }
  return false;
}

function decode(s: string): string | number {
  const v = s.replace(/~1/g, '/').replace(/~0/g, '~');
  return /^\d+$/.test(v) ? Number(v) : v;
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  let cur: unknown = data;
  for (const p of path) cur = (cur as Record<string | number, unknown> | undefined)?.[p];
  return cur;
}

function describe(v: unknown): string {
  if (v === null) return 'null (an empty value)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${JSON.stringify(v)}`;
}
