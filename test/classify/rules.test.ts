import { describe, expect, it } from 'vitest';
import { parseMaster } from '../../src/parse/markdown.js';
import { diffDocuments } from '../../src/diff/index.js';
import { classificationReport, maxSeverity } from '../../src/classify/index.js';

const P = (body: string) => parseMaster(`# Privacy\n\n${body}\n`, 'x.md');
const classify = (a: string, b: string) => classificationReport(diffDocuments(P(a), P(b)));

describe('classification rules', () => {
  const cases: [string, string, string, 'material' | 'minor' | 'editorial', string][] = [
    ['negation flip', 'We do not sell your personal information.', 'We may sell your personal information.', 'material', 'negation-modality'],
    ['date bump', 'Effective date: May 25, 2022', 'Effective date: May 31, 2022', 'editorial', 'effective-date'],
    ['last updated', 'Last updated: March 1, 2023', 'Last updated: March 4, 2024', 'editorial', 'effective-date'],
    ['link target', 'See [our help](https://a.example/en/help).', 'See [our help](https://a.example/help).', 'editorial', 'link-target'],
    ['capitalisation', 'Github stores your data.', 'GitHub stores your data.', 'editorial', 'punctuation-capitalisation'],
    ['double stop', 'Requests are answered as provided..', 'Requests are answered as provided.', 'editorial', 'punctuation-capitalisation'],
    ['obfuscated email', 'Write to privacy@example.com.', 'Write to privacy [at] example [dot] com.', 'editorial', 'markdown-formatting'],
    ['new purpose', 'We use your data to provide the service.', 'We use your data to provide the service and for targeted advertising.', 'material', 'purposes'],
    ['model training', 'We use your content to provide the service.', 'We use your content to provide the service and to train our AI models.', 'material', 'purposes'],
    ['new recipient', 'We use your data to provide the service.', 'We use your data to provide the service and share it with data brokers.', 'material', 'recipients'],
    ['retention', 'We use logs to fix bugs.', 'We use logs to fix bugs and retain them for 90 days.', 'material', 'retention'],
    ['children', 'Our service is for everyone.', 'Our service is not directed to children under 13.', 'material', 'children'],
    ['transfer', 'Your data is processed by our team.', 'Your data is processed by our team in India.', 'material', 'transfers'],
    ['contact', 'Our office is at 88 Colin P Kelly Jr Street, San Francisco, CA 94110.', 'Our office is at 88 Colin P Kelly Jr Street, San Francisco, CA 94107.', 'minor', 'contact-details'],
    ['rewording', 'We work hard to protect the service.', 'We work very hard to protect our service.', 'minor', 'reworded'],
  ];
  it.each(cases)('%s', (_name, a, b, severity, rule) => {
    const r = classify(a, b);
    expect(r.severity).toBe(severity);
    expect(r.changes.map((c) => c.rule)).toContain(rule);
    for (const c of r.changes) {
      expect(c.reason).toBeTruthy();
      expect(c.section.id).toBe('privacy');
      expect(c.section.path).toEqual(['Privacy']);
    }
  });

  it('a new row of a subprocessor table is material', () => {
    const table = (rows: string[]) => `| Name of Subprocessor | Description of Processing | Location |\n|---|---|---|\n${rows.join('\n')}`;
    const r = classify(table(['| Acme Cloud | Hosting | United States |']), table(['| Acme Cloud | Hosting | United States |', '| Zeta Inc | Inference | United States |']));
    expect(r.severity).toBe('material');
    expect(r.changes.some((c) => c.rule === 'table-row' && c.kind === 'added')).toBe(true);
  });

  it('maxSeverity orders material > minor > editorial > none', () => {
    expect(maxSeverity('editorial', 'minor')).toBe('minor');
    expect(maxSeverity('none', 'material', 'minor')).toBe('material');
    expect(maxSeverity()).toBe('none');
  });
});
