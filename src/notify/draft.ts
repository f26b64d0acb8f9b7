import { localizer } from '../i18n/localizer.js';
import type { Project } from '../parse/project.js';
import { escapeMarkdown } from '../render/markdown-html.js';
import type { TemplateStore } from '../render/templates.js';
import type { ResolvedRegion } from '../resolve/resolve.js';
import { placeholderValues } from '../resolve/values.js';
import { draftSentence } from './sentences.js';
import type { NotifyTexts } from './texts.js';
import type { ConsentDecision, DraftedChange, DraftedNotice, NoticeChange } from './types.js';

export interface DraftInput {
  oldProject: Project;
  newProject: Project;
  region: ResolvedRegion;
  lng: string;
  changes: NoticeChange[];
  consent: ConsentDecision | null;
  effective: string;
  url: string;
  texts: NotifyTexts;
  store: TemplateStore;
}

/** The notice templates, under templates/notices/; a project overrides any of them by name. */
export const NOTICE_TEMPLATES = {
  email: 'notices/email.md.hbs',
  banner: 'notices/banner.txt.hbs',
  changes: 'notices/changes.md.hbs',
  consent: 'notices/consent.md.hbs',
  page: 'notices/page.html.hbs',
  summary: 'notices/summary.md.hbs',
} as const;

const FRONT_MATTER_RE = /^---\n([\s\S]*?)\n---\n+/;

/** Splits the email draft into its body and the subject of its front matter. */
export function splitEmail(md: string, fallbackSubject: string): { subject: string; body: string } {
  const m = FRONT_MATTER_RE.exec(md);
  if (!m) return { subject: fallbackSubject, body: md };
  const line = /^subject:\s*(.*)$/m.exec(m[1]!);
  let subject = line?.[1]?.trim() ?? fallbackSubject;
  if (subject.startsWith('"')) {
    try {
      subject = JSON.parse(subject) as string;
    } catch {
      /* keep it as written */
    }
  }
  return { subject, body: md.slice(m[0].length) };
}

const ensureNewline = (s: string) => `${s.replace(/\s+$/, '')}\n`;

/**
 * A date in the long format of the reader's language as written in the region: `en` in Australia
 * is en-AU ("1 June 2026"), in the United States en-US ("June 1, 2026"); `de` in Switzerland de-CH.
 * A language tag that names its own region (fr-CA, zh-CN) is used as it is.
 */
export function localDate(iso: string, lng: string, region: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  const tag = lng.includes('-') || !/^[a-z]{2}$/.test(region) ? lng : `${lng}-${region.toUpperCase()}`;
  const locale = Intl.DateTimeFormat.supportedLocalesOf([tag])[0] ?? lng;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

/**
 * Drafts every notice of one region in one language: the change sentences, the email, the banner,
 * the "what changed" page and, where the law asks for it, the consent request. The texts come from
 * `locales/<lng>/notify.json`, the layout from the Handlebars templates in `templates/notices/`.
 */
export function draftNotice(inp: DraftInput): DraftedNotice {
  const { newProject, region: r, lng, texts, store } = inp;
  const l = localizer(newProject.locales, lng);
  const t = texts.forLanguage(lng);
  const values = placeholderValues(newProject, r, l);
  const consentSet = new Set(inp.consent?.changes ?? []);
  const changes: DraftedChange[] = inp.changes.map((c) => draftSentence(c, { l, t, oldProject: inp.oldProject, newProject, values }, consentSet.has(c)));
  const facts = newProject.facts;
  const date = localDate(inp.effective, lng, r.region.id);
  const count = changes.length;
  const rightIds = new Set(r.rights.map((x) => x.id));
  const base = { date, url: inp.url, company: facts.company.name, email: facts.rights_requests.email, requests: facts.rights_requests.url, contact: r.entity.email, count };
  const mdBase = { ...base, date: escapeMarkdown(date), company: escapeMarkdown(base.company) };
  const md = (key: string, extra: Record<string, unknown> = {}) => t(key, { ...mdBase, ...extra });
  const txt = (key: string, extra: Record<string, unknown> = {}) => t(key, { ...base, ...extra });

  const choices: string[] = [];
  if (rightIds.has('object')) choices.push(md('choices.object'));
  if (rightIds.has('withdraw_consent')) choices.push(md('choices.withdraw'));
  choices.push(md('choices.close'));

  const consentCtx = inp.consent
    ? {
        type: inp.consent.type,
        title: md(`consent.title_${inp.consent.type}`),
        intro: md(`consent.intro_${inp.consent.type}`),
        items: changes.filter((c) => c.consent).map((c) => c.markdown),
        voluntary: md(`consent.voluntary_${inp.consent.type}`),
        withdraw: md('consent.withdraw'),
        agree: md('consent.agree'),
        decline: md('consent.decline'),
        policyLink: md('consent.policy_link'),
      }
    : null;

  const subject = txt('email.subject');
  const ctx = {
    lang: lng,
    dir: l.dir,
    region: { id: r.region.id, name: escapeMarkdown(values['region.name'] ?? r.region.name) },
    effective: inp.effective,
    date: mdBase.date,
    url: inp.url,
    company: mdBase.company,
    subject,
    subjectYaml: JSON.stringify(subject),
    changes,
    count,
    choices,
    consent: consentCtx,
    email: {
      greeting: md('email.greeting'),
      intro: md('email.intro'),
      changesHeading: md('email.changes_heading'),
      consentNote: inp.consent ? md(`email.consent_note_${inp.consent.type}`) : '',
      choicesHeading: md('email.choices_heading'),
      readMore: md('email.read_more'),
      questions: md('email.questions'),
      closing: md('email.closing'),
      signature: md('email.signature'),
      footer: md('email.footer'),
    },
    page: {
      title: md('changes.title'),
      intro: md('changes.intro'),
      consentNote: inp.consent ? md(`changes.consent_note_${inp.consent.type}`) : '',
      fullText: md('changes.full_text'),
    },
  };
  const email = splitEmail(ensureNewline(store.render('notices/email.md.hbs', ctx)), subject);
  const banner = store
    .render('notices/banner.txt.hbs', {
      ...ctx,
      date,
      company: base.company,
      text: txt('banner.text'),
      consentText: inp.consent ? txt('banner.consent') : '',
      link: txt('banner.link'),
    })
    .replace(/[ \t]*\n[ \t]*/g, ' ')
    .replace(/ {2,}/g, ' ')
    // no space after full-width punctuation (Chinese, Japanese)
    .replace(/([。！？：；）]) /g, '$1')
    .trim();
  const notice: DraftedNotice = {
    locale: lng,
    dir: l.dir,
    url: inp.url,
    effectiveText: date,
    changes,
    email: { subject: email.subject, body: ensureNewline(email.body) },
    banner: `${banner}\n`,
    changesPage: ensureNewline(store.render('notices/changes.md.hbs', ctx)),
  };
  if (consentCtx) notice.consent = ensureNewline(store.render('notices/consent.md.hbs', ctx));
  return notice;
}
