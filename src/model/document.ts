/** The parsed master text: a tree of blocks whose text lives in translation units. */

export interface SourcePosition {
  line: number;
  column: number;
}

export type UnitKind = 'heading' | 'paragraph' | 'cell';

/** A translatable piece of inline Markdown: a heading, a paragraph, or a table cell. */
export interface Unit {
  /** Stable id from `privacy.units.json` (assigned by `assignUnitIds`); empty until assigned. */
  id: string;
  /** Hash of the whitespace-normalised English source. */
  hash: string;
  kind: UnitKind;
  /** Inline Markdown source, placeholders included (`{{controller.name}}`). */
  text: string;
  /** Id of the section the unit belongs to. */
  section: string;
  position: SourcePosition;
}

export interface HeadingBlock {
  type: 'heading';
  depth: number;
  id: string;
  /** Attributes after the id: `covers="…"` and others. */
  attrs: Record<string, string>;
  unit: Unit;
}
export interface ParagraphBlock {
  type: 'paragraph';
  unit: Unit;
}
export interface ListBlock {
  type: 'list';
  ordered: boolean;
  start: number;
  items: Block[][];
}
export interface TableBlock {
  type: 'table';
  align: ('left' | 'right' | 'center' | null)[];
  header: Unit[];
  rows: Unit[][];
}
export interface BlockquoteBlock {
  type: 'blockquote';
  blocks: Block[];
}
export interface CodeBlock {
  type: 'code';
  lang: string;
  value: string;
}
export interface ThematicBreakBlock {
  type: 'thematicBreak';
}
/** `:::only{…}` / `:::except{…}`: content kept only for (or dropped for) matching regions. */
export interface ConditionalBlock {
  type: 'conditional';
  mode: 'only' | 'except';
  regions: string[];
  jurisdictions: string[];
  blocks: Block[];
  position: SourcePosition;
}
/** `::facts{show="…"}`: a block generated from the facts by a Handlebars partial. */
export interface FactsBlock {
  type: 'facts';
  show: string;
  attrs: Record<string, string>;
  position: SourcePosition;
}

export type Block =
  | HeadingBlock
  | ParagraphBlock
  | ListBlock
  | TableBlock
  | BlockquoteBlock
  | CodeBlock
  | ThematicBreakBlock
  | ConditionalBlock
  | FactsBlock;

export interface SectionInfo {
  id: string;
  depth: number;
  /** English heading text. */
  heading: string;
  attrs: Record<string, string>;
  position: SourcePosition;
}

export interface MasterDocument {
  file: string;
  frontMatter: Record<string, unknown>;
  title: string;
  blocks: Block[];
  sections: SectionInfo[];
  /** Every unit in document order. */
  units: Unit[];
  /** Link reference definitions, appended when a unit is rendered on its own. */
  definitions: string;
  /** sha256 of the source text. */
  sourceHash: string;
}

/** Visits every unit of a block list in document order. */
export function* walkUnits(blocks: Block[]): Generator<Unit> {
  for (const b of blocks) {
    switch (b.type) {
      case 'heading':
      case 'paragraph':
        yield b.unit;
        break;
      case 'list':
        for (const item of b.items) yield* walkUnits(item);
        break;
      case 'table':
        yield* b.header;
        for (const row of b.rows) yield* row;
        break;
      case 'blockquote':
      case 'conditional':
        yield* walkUnits(b.blocks);
        break;
      default:
        break;
    }
  }
}
