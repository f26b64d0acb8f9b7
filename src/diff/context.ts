import type { Block, MasterDocument, Unit } from '../model/document.js';
import { sectionRef as newSectionRef } from './plain.js';
import type { SectionRef, UnitContext } from './types.js';

/** Table context of every table cell of a document (or only of the cells in `only`). */
export function unitContexts(doc: MasterDocument, only?: ReadonlySet<Unit>): Map<Unit, UnitContext> {
  const out = new Map<Unit, UnitContext>();
  if (only && only.size === 0) return out;
  const visit = (blocks: Block[]): void => {
    for (const b of blocks) {
      if (b.type === 'table') {
        let header: string[] | undefined;
        const head = (): string[] => (header ??= b.header.map((u) => u.text));
        b.header.forEach((u, column) => {
          if (!only || only.has(u)) out.set(u, { table: { header: head(), column, row: head(), isHeader: true } });
        });
        for (const r of b.rows) {
          let row: string[] | undefined;
          r.forEach((u, column) => {
            if (!only || only.has(u)) out.set(u, { table: { header: head(), column, row: (row ??= r.map((x) => x.text)), isHeader: false } });
          });
        }
      } else if (b.type === 'list') for (const item of b.items) visit(item);
      else if (b.type === 'blockquote' || b.type === 'conditional') visit(b.blocks);
    }
  };
  visit(doc.blocks);
  return out;
}

/**
 * Table context of the cells at the given indexes of `doc.units` (sorted ascending). Walks the
 * blocks counting units instead of looking every cell up, so only the tables that hold one of
 * the cells are visited cell by cell.
 */
export function cellContexts(doc: MasterDocument, indexes: readonly number[]): Map<Unit, UnitContext> {
  const out = new Map<Unit, UnitContext>();
  if (!indexes.length) return out;
  let at = 0;
  let next = 0;
  let consistent = true;
  const visit = (blocks: Block[]): void => {
    for (const b of blocks) {
      if (next >= indexes.length) return;
      switch (b.type) {
        case 'heading':
        case 'paragraph':
          at++;
          break;
        case 'list':
          for (const item of b.items) visit(item);
          break;
        case 'blockquote':
        case 'conditional':
          visit(b.blocks);
          break;
        case 'table': {
          let size = b.header.length;
          for (const r of b.rows) size += r.length;
          if (indexes[next]! < at + size) {
            const header = b.header.map((u) => u.text);
            const cells: [Unit, UnitContext][] = [];
            b.header.forEach((u, column) => cells.push([u, { table: { header, column, row: header, isHeader: true } }]));
            for (const r of b.rows) {
              const row = r.map((u) => u.text);
              r.forEach((u, column) => cells.push([u, { table: { header, column, row, isHeader: false } }]));
            }
            while (next < indexes.length && indexes[next]! < at + size) {
              const i = indexes[next++]!;
              const [u, ctx] = cells[i - at]!;
              if (u !== doc.units[i]) consistent = false;
              out.set(u, ctx);
            }
          }
          at += size;
          break;
        }
        default:
          break;
      }
    }
  };
  visit(doc.blocks);
  if (consistent) return out;
  // The units list is not in block order (a hand-built document): look the cells up instead.
  return unitContexts(doc, new Set(indexes.map((i) => doc.units[i]!)));
}

/** Heading path of every section id of a document (outermost first). */
export function sectionPaths(doc: MasterDocument): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const stack: { depth: number; heading: string }[] = [];
  for (const s of doc.sections) {
    while (stack.length && stack[stack.length - 1]!.depth >= s.depth) stack.pop();
    stack.push({ depth: s.depth, heading: s.heading });
    out.set(s.id, stack.map((x) => x.heading));
  }
  return out;
}

export function sectionRef(paths: Map<string, string[]>, id: string): SectionRef {
  return newSectionRef(id, paths.get(id) ?? []);
}

/** `sectionRef` with one object per section id (the units of a section share it). */
export function sectionRefs(paths: Map<string, string[]>): (id: string) => SectionRef {
  const cache = new Map<string, SectionRef>();
  // Units come section by section: the last answer is usually the right one.
  let lastId: string | undefined;
  let last: SectionRef | undefined;
  return (id) => {
    if (id === lastId) return last!;
    let r = cache.get(id);
    if (!r) cache.set(id, (r = sectionRef(paths, id)));
    lastId = id;
    last = r;
    return r;
  };
}
