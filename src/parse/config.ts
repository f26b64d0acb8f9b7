import { join } from 'node:path';
import type { DiagnosticBag } from '../model/diagnostics.js';
import type { Config } from '../model/schema.js';
import { readTextFile } from '../util/read-text.js';
import { parseYamlSource } from './yaml-source.js';
import { validateSchema } from './validate.js';
import { isDiagnosticError } from '../model/diagnostics.js';

export const CONFIG_FILE = 'noticekit.config.yaml';

export interface ResolvedConfig {
  document: string;
  out: string;
  baseUrl: string | undefined;
  fallbackMode: 'english-marked' | 'error';
  noticePeriodDays: number;
  noticePeriodOverrides: Record<string, number>;
}

export const DEFAULT_NOTICE_PERIOD_DAYS = 30;

export function loadConfig(root: string, diags: DiagnosticBag): ResolvedConfig {
  let data: Config = {};
  try {
    const text = readTextFile(join(root, CONFIG_FILE), CONFIG_FILE, { optional: true });
    if (text !== undefined && text.trim() !== '') {
      const src = parseYamlSource(text, CONFIG_FILE, diags);
      if (src && validateSchema('config', src, diags, CONFIG_FILE)) data = (src.data ?? {}) as Config;
    }
  } catch (e) {
    if (!isDiagnosticError(e)) throw e;
    for (const d of e.diagnostics) diags.add(d);
  }
  return {
    document: data.document ?? 'privacy',
    out: data.out ?? 'out',
    baseUrl: data.base_url,
    fallbackMode: (data.fallback?.mode ?? 'english-marked') as ResolvedConfig['fallbackMode'],
    noticePeriodDays: data.publishing?.notice_period_days ?? DEFAULT_NOTICE_PERIOD_DAYS,
    noticePeriodOverrides: data.publishing?.notice_period_overrides ?? {},
  };
}
