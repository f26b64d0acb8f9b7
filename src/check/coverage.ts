/** What a region's notice discloses: the sections and generated blocks that survive its resolution. */
import type { Block, HeadingBlock, MasterDocument, SourcePosition } from '../model/document.js';
import { walkUnits } from '../model/document.js';
import { placeholdersIn } from '../resolve/placeholders.js';
import type { ResolvedRegion } from '../resolve/resolve.js';
import { blockElements } from './elements.js';

export interface SurvivingSection {
  id: string;
  depth: number;
  covers: string[];
  position: SourcePosition;
}

export interface Coverage {
  /** Element id -> what claims to disclose it: `section #rights`, `::facts{show="purposes"}`, `front matter "effective"`. */
  claims: Map<string, string[]>;
  /** Sections whose heading survives for the region and that keep some content. */
  sections: SurvivingSection[];
  /** Names of the `::facts{show=…}` blocks that survive. */
  factsBlocks: Set<string>;
  /** Placeholders used in surviving units (`children.age`, `authority.name`, …). */
  placeholders: Set<string>;
}

/** Splits a `covers="a b, c"` attribute into element ids. */
export function coversOf(attrs: Record<string, string>): string[] {
  return (attrs.covers ?? '').split(/[\s,]+/).filter(Boolean);
}

function* walkBlocks(blocks: Block[]): Generator<Block> {
  for (const b of blocks) {
    yield b;
    if (b.type === 'list') for (const item of b.items) yield* walkBlocks(item);
    else if (b.type === 'blockquote' || b.type === 'conditional') yield* walkBlocks(b.blocks);
  }
}

export function regionCoverage(master: MasterDocument, r: ResolvedRegion): Coverage {
  const claims = new Map<string, string[]>();
  const claim = (element: string, by: string) => {
    const list = claims.get(element);
    if (!list) claims.set(element, [by]);
    else if (!list.includes(by)) list.push(by);
  };

  // sections: a heading and what follows it up to the next heading of the same or a higher level
  const top = r.blocks;
  const sections: SurvivingSection[] = [];
  top.forEach((b, i) => {
    if (b.type !== 'heading') return;
    let content = false;
    for (let j = i + 1; j < top.length; j++) {
      const n = top[j]!;
      if (n.type === 'heading') {
        if (n.depth <= b.depth) break;
        continue;
      }
      content = true;
      break;
    }
    if (!content) return;
    const h: HeadingBlock = b;
    sections.push({ id: h.id, depth: h.depth, covers: coversOf(h.attrs), position: h.unit.position });
  });
  for (const s of sections) for (const e of s.covers) claim(e, `section #${s.id}`);

  const factsBlocks = new Set<string>();
  for (const b of walkBlocks(top)) {
    if (b.type !== 'facts') continue;
    factsBlocks.add(b.show);
    for (const e of blockElements(b.show, r)) claim(e, `::facts{show="${b.show}"}`);
  }

  if (master.frontMatter.effective !== undefined && String(master.frontMatter.effective).trim() !== '') {
    claim('effective_date', 'front matter "effective" (shown at the end of every notice)');
  }

  const placeholders = new Set<string>();
  for (const u of walkUnits(top)) for (const p of placeholdersIn(u.text)) placeholders.add(p);

  return { claims, sections, factsBlocks, placeholders };
}
