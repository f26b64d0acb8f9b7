import { parseMaster, slugify } from '../parse/markdown.js';
import type { MasterDocument } from '../model/document.js';

/**
 * Parses a plain Markdown policy (one not written for noticekit, e.g. downloaded from the web)
 * for diffing: headings that would slugify to the same id get numbered ids (`{#slug-2}`), and
 * lines that open or close `:::` container directives are kept as text.
 */
export function parsePlainMarkdown(source: string, file: string): MasterDocument {
  const seen = new Map<string, number>();
  let fence: string | null = null;
  const lines = source.split('\n').map((line) => {
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length) fence = null;
      return line;
    }
    if (f) {
      fence = f[1]!;
      return line;
    }
    if (/^ {0,3}:{2,}/.test(line)) return line.replace(/^( {0,3}):/, '$1\\:');
    const h = /^( {0,3}#{1,6}[ \t]+)(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (!h || /\{#[^}]*\}\s*$/.test(h[2]!)) return line;
    const slug = slugify(h[2]!);
    if (!slug) return line;
    const n = (seen.get(slug) ?? 0) + 1;
    seen.set(slug, n);
    return n === 1 ? line : `${h[1]}${h[2]} {#${slug}-${n}}`;
  });
  return parseMaster(lines.join('\n'), file);
}
