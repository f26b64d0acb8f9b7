import type { Localizer } from '../i18n/localizer.js';
import { translationFor } from '../i18n/translations.js';
import type { Unit } from '../model/document.js';
import type { Facts } from '../model/schema.js';
import type { Project } from '../parse/project.js';
import { escapeMarkdown } from '../render/markdown-html.js';
import { fillPlaceholders } from '../resolve/placeholders.js';
import type { NotifyT } from './texts.js';
import { isTextChange, type DraftedChange, type FactChange, type NoticeChange, type TextChange } from './types.js';

/** What a sentence needs besides the change: both versions (labels of removed things), one language. */
export interface SentenceContext {
  l: Localizer;
  t: NotifyT;
  oldProject: Project;
  newProject: Project;
  /** Placeholder values of the region in this language (for quoted master text). */
  values: Record<string, string>;
}

type Mode = 'md' | 'text';

/** A label from ui.json, or the id in words when today's locale files no longer have it. */
function label(l: Localizer, key: string, id: string): string {
  const v = l.t(key);
  return v === key || v === '' ? id.replace(/_/g, ' ') : v;
}

/** Strips inline Markdown for plain text: links keep their text, emphasis and code marks go. */
export function stripInlineMarkdown(md: string): string {
  return md
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/!?\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?:|mailto:)[^>]+)>/g, '$1')
    .replace(/(\*\*|__|~~)(.+?)\1/g, '$2')
    .replace(/(^|[^\\\w])[*_](\S(?:.*?\S)?)[*_](?!\w)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function recipientOf(facts: Facts, id: string) {
  return facts.recipients.find((r) => r.id === id);
}

/**
 * Drafts the sentence of one change in one language, as Markdown and as plain text. Each kind of
 * change has one sentence in `locales/<lng>/notify.json` (`sentences.<kind>`); values are labels from
 * ui.json, quoted with the language's quotation marks, lists joined with Intl.ListFormat.
 */
export function draftSentence(change: NoticeChange, ctx: SentenceContext, consent: boolean): DraftedChange {
  if (isTextChange(change)) return textSentence(change, ctx, consent);
  const md = factSentence(change, ctx, 'md');
  const text = factSentence(change, ctx, 'text');
  return { kind: change.kind, severity: change.severity, markdown: md, text, consent, ref: change.id };
}

function factSentence(c: FactChange, ctx: SentenceContext, mode: Mode): string {
  const { l, t } = ctx;
  const esc = mode === 'md' ? escapeMarkdown : (s: string) => s;
  const q = (s: string) => t('format.quote', { text: esc(s) });
  const list = (items: string[]) => l.list(items);
  const cats = (ids: string[] | undefined) => (ids?.length ? list(ids.map((id) => q(label(l, `data_categories.${id}.label`, id)))) : esc(t('format.personal_data')));
  const purposes = (ids: string[] | undefined) => list((ids ?? []).map((id) => q(label(l, `purposes.${id}.label`, id))));
  const purpose = (id: string) => q(label(l, `purposes.${id}.label`, id));
  const basis = (id: string) => q(label(l, `legal_bases.${id}`, id));
  const countries = (codes: string[] | undefined) => esc(list((codes ?? []).map((c) => l.country(c))));
  const recipientName = (facts: Facts, id: string, type: string | undefined) => {
    const rc = recipientOf(facts, id);
    const ty = rc?.type ?? type ?? 'processor';
    return esc(rc?.name ?? label(l, `recipient_types.${ty}`, ty));
  };
  const newFacts = ctx.newProject.facts;
  const oldFacts = ctx.oldProject.facts;
  const s = (key: string, opts: Record<string, unknown> = {}) => t(`sentences.${key}`, opts);

  switch (c.kind) {
    case 'recipient_added':
    case 'recipient_changed': {
      const name = recipientName(newFacts, c.id, c.recipientType);
      const recipient = c.countries?.length ? t('format.recipient', { name, countries: countries(c.countries) }) : name;
      const n = c.purposes?.length ?? 0;
      // what is new: data (with or without purposes), or only purposes of data already shared
      const key = n === 0 ? `${c.kind}_no_purpose` : c.kind === 'recipient_changed' && !c.categories?.length ? 'recipient_changed_purposes' : c.kind;
      return s(key, { recipient, categories: cats(c.categories), purposes: purposes(c.purposes), ...(n ? { count: n } : {}) });
    }
    case 'recipient_removed':
      return s('recipient_removed', { recipient: recipientName(oldFacts, c.id, c.recipientType) });
    case 'purpose_added':
      return s('purpose_added', { purpose: purpose(c.id), categories: cats(c.categories), basis: basis(c.legalBasis ?? 'consent') });
    case 'purpose_removed':
      return s('purpose_removed', { purpose: purpose(c.id) });
    case 'purpose_changed':
      return s('purpose_changed', { purpose: purpose(c.id), categories: cats(c.categories) });
    case 'legal_basis_changed':
      return s('legal_basis_changed', { purpose: purpose(c.id), before: basis(String(c.before)), after: basis(String(c.after)) });
    case 'category_added':
      return c.purposes?.length
        ? s('category_added', { category: q(label(l, `data_categories.${c.id}.label`, c.id)), purposes: purposes(c.purposes), count: c.purposes.length })
        : s('category_added_no_purpose', { category: q(label(l, `data_categories.${c.id}.label`, c.id)) });
    case 'category_removed':
      return s('category_removed', { category: q(label(l, `data_categories.${c.id}.label`, c.id)) });
    case 'retention_longer':
    case 'retention_shorter': {
      const b = c.before as { period: string; from?: string };
      const a = c.after as { period: string; from?: string };
      const sameTrigger = (b.from ?? '') === (a.from ?? '') && b.period !== 'none' && a.period !== 'none';
      const phrase = (r: { period: string; from?: string }) =>
        r.period === 'none' ? l.t('retention.none') : sameTrigger || !r.from ? l.duration(r.period) : l.t(`retention.from.${r.from}`, { duration: l.duration(r.period) });
      return s(c.kind, { purpose: purpose(c.id), before: esc(phrase(b)), after: esc(phrase(a)) });
    }
    case 'transfer_added':
      return s('transfer_added', { country: countries(c.countries), safeguard: q(label(l, `safeguards.${c.safeguard ?? 'contract'}`, c.safeguard ?? '')) });
    case 'transfer_removed':
      return s('transfer_removed', { country: countries(c.countries) });
    case 'right_added':
      return s('right_added', { right: q(label(l, `rights.${c.id}.label`, c.id)), description: esc(label(l, `rights.${c.id}.description`, '')) }).trim();
    case 'right_removed':
      return s('right_removed', { right: q(label(l, `rights.${c.id}.label`, c.id)) });
    case 'controller_changed':
      return s('controller_changed', { before: esc(String(c.before)), after: esc(String(c.after)) });
    case 'children_changed': {
      const b = c.before as { directed_to_children: boolean; minimum_age: number; family_accounts: boolean };
      const a = c.after as typeof b;
      const parts: string[] = [];
      if (a.directed_to_children !== b.directed_to_children) parts.push(s(a.directed_to_children ? 'children_directed' : 'children_not_directed'));
      if (a.minimum_age !== b.minimum_age) parts.push(s('children_minimum_age', { count: a.minimum_age, before: b.minimum_age }));
      if (a.family_accounts !== b.family_accounts) parts.push(s(a.family_accounts ? 'children_family_accounts_added' : 'children_family_accounts_removed'));
      return [s('children_changed'), ...parts].join(' ');
    }
    case 'facts_changed': {
      const sec = c.section ?? { id: c.id, path: [] };
      const head = sectionHeading(ctx.newProject, sec.id, l.lng);
      const heading = head ? stripInlineMarkdown(fillPlaceholders(head.text, ctx.values, (v) => v)) : (sec.path[sec.path.length - 1] ?? sec.id);
      return s('facts_changed', { section: q(heading) });
    }
  }
}

/** The text of a unit in the reader's language: a current translation, else the English (flagged). */
function unitText(u: Unit, project: Project, lng: string): { text: string; fallback: boolean } {
  if (lng.split('-')[0] === 'en') return { text: u.text, fallback: false };
  const tr = translationFor(project.locales, lng, u, project.staleness);
  if (tr.state === 'current') return { text: tr.text, fallback: false };
  return { text: u.text, fallback: true };
}

/** The heading of a section in the reader's language. */
function sectionHeading(project: Project, id: string, lng: string): { text: string; fallback: boolean } | undefined {
  const u = project.master.units.find((x) => x.kind === 'heading' && x.section === id);
  return u ? unitText(u, project, lng) : undefined;
}

function textSentence(c: TextChange, ctx: SentenceContext, consent: boolean): DraftedChange {
  const { l, t } = ctx;
  let fallback = false;
  const head = sectionHeading(ctx.newProject, c.section.id, l.lng) ?? sectionHeading(ctx.oldProject, c.section.id, l.lng);
  if (head?.fallback) fallback = true;
  const headingMd = head ? fillPlaceholders(head.text, ctx.values, escapeMarkdown) : escapeMarkdown(c.section.path[c.section.path.length - 1] ?? c.section.id);
  const useNew = c.kind !== 'text_removed';
  const pieces = c.units
    .map((u) => (useNew ? u.new : u.old))
    .filter((u): u is Unit => u !== undefined)
    .map((u) => {
      // a removed unit's translation is still in the locale file while it translates that text
      const r = unitText(u, ctx.newProject, l.lng);
      if (r.fallback) fallback = true;
      return fillPlaceholders(r.text, ctx.values, escapeMarkdown);
    });
  const summaryMd = pieces.join(' ');
  const key = c.kind;
  const markdown = t(`sentences.${key}`, { section: t('format.quote', { text: headingMd }), summary: summaryMd });
  const text = t(`sentences.${key}`, { section: t('format.quote', { text: stripInlineMarkdown(headingMd) }), summary: stripInlineMarkdown(summaryMd) });
  return { kind: c.kind, severity: c.severity, markdown, text, consent, ref: c.section.id, ...(fallback ? { fallback } : {}) };
}
