/** A value from the command line in a message: quoted, with control characters (C0, DEL, C1) escaped, so none reaches the terminal. */
export function quoted(value: string): string {
  return JSON.stringify(value).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
