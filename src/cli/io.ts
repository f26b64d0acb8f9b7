export interface CliIo {
  cwd: string;
  out(text: string): void;
  err(text: string): void;
  /** Whether stdout is a terminal (colour, default formats). */
  isTTY: boolean;
}

export const processIo = (): CliIo => ({
  cwd: process.cwd(),
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stdout.isTTY),
});
