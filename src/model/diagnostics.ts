/** Content problems are diagnostics: where, what was found, what was expected, what to do. */
export type DiagnosticSeverity = 'error' | 'warning' | 'note';

export interface Diagnostic {
  severity: DiagnosticSeverity;
  /** Stable rule id, e.g. `yaml-syntax`, `unknown-id`, `template-syntax`. */
  rule: string;
  /** Path of the file, relative to the project root where possible. */
  file: string;
  line?: number;
  column?: number;
  /** What was found. */
  message: string;
  /** What was expected. */
  expected?: string;
  /** What to do about it. */
  hint?: string;
}

/** Thrown when input is bad: carries every diagnostic collected, never a stack trace for users. */
export class DiagnosticError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
    this.name = 'DiagnosticError';
    this.diagnostics = diagnostics;
  }
}

/** Collects diagnostics from several stages and throws them together. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];
  add(d: Omit<Diagnostic, 'severity'> & { severity?: DiagnosticSeverity }): void {
    this.items.push({ severity: 'error', ...d });
  }
  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }
  throwIfErrors(): void {
    if (this.hasErrors) throw new DiagnosticError(this.items.filter((d) => d.severity === 'error'));
  }
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line ? `${d.file}:${d.line}:${d.column ?? 1}` : d.file;
  let out = `${where}: ${d.severity} [${d.rule}] ${d.message}`;
  if (d.expected) out += `\n  expected: ${d.expected}`;
  if (d.hint) out += `\n  hint: ${d.hint}`;
  return out;
}

export function isDiagnosticError(e: unknown): e is DiagnosticError {
  return e instanceof DiagnosticError;
}
