import { Type, type Static, type TSchema } from '@sinclair/typebox';

/** Schemas of the two YAML files of a policy project; exported as JSON Schema by `noticekit schema`. */

const Id = Type.String({ pattern: '^[a-z][a-z0-9_]*$', description: 'lower snake case id' });
const Ids = (description: string) => Type.Array(Id, { description, uniqueItems: true });
const Code = Type.String({ pattern: '^[a-z]{2}(-[a-z]{2})?$', description: 'a jurisdiction or country id, e.g. de, us-ca' });
const Codes = (description: string) => Type.Array(Type.Union([Code, Type.Literal('all')]), { description, uniqueItems: true });
const Url = Type.String({ pattern: '^(https?://|mailto:)[^\\s<>"]+$', description: 'an http(s) or mailto URL' });
const Email = Type.String({ pattern: '^[^\\s@<>"]+@[^\\s@<>"]+$', description: 'an email address' });
const Text = Type.String({ minLength: 1 });
const strict = { additionalProperties: false } as const;

import { LEGAL_BASES, RECIPIENT_TYPES, SAFEGUARDS, COOKIE_CATEGORIES, TECHNOLOGIES, RETENTION_TRIGGERS, CONTINENTS } from './enums.js';

const Enum = <T extends readonly string[]>(values: T, description: string) =>
  Type.Union(values.map((v) => Type.Literal(v)), { description: `${description}: ${values.join(' | ')}` });

const contactProps = {
  name: Type.Optional(Text),
  email: Type.Optional(Email),
  url: Type.Optional(Url),
  phone: Type.Optional(Text),
  address: Type.Optional(Text),
};
const Contact = Type.Object(contactProps, strict);

export const FactsSchema = Type.Object(
  {
    company: Type.Object({ name: Text, legal_name: Type.Optional(Text), website: Type.Optional(Url) }, strict),
    entities: Type.Array(
      Type.Object(
        {
          id: Id,
          name: Text,
          address: Text,
          country: Code,
          email: Email,
          phone: Type.Optional(Text),
          registration: Type.Optional(Text),
          url: Type.Optional(Url),
        },
        strict,
      ),
      { minItems: 1, description: 'controller entities; each region names one' },
    ),
    data_categories: Type.Array(
      Type.Object({ id: Id, sensitive: Type.Boolean(), sensitive_in: Type.Optional(Codes('jurisdictions that treat it as sensitive')), examples: Type.Optional(Type.Unknown()) }, strict),
      { minItems: 1 },
    ),
    sources: Type.Array(Type.Object({ id: Id }, strict)),
    purposes: Type.Array(
      Type.Object(
        {
          id: Id,
          data_categories: Ids('data category ids used for this purpose'),
          sources: Type.Optional(Ids('source ids')),
          legal_basis: Type.Record(Type.String({ pattern: '^(default|[a-z]{2}(-[a-z]{2})?|[a-z0-9-]+)$' }), Enum(LEGAL_BASES, 'legal basis'), {
            description: 'legal basis per jurisdiction or law id, with `default` for the rest',
          }),
          retention: Type.Object(
            {
              period: Type.String({ pattern: '^(P(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?|none)$', description: 'ISO 8601 duration such as P3Y, P6M, P30D, or none' }),
              from: Type.Optional(Enum(RETENTION_TRIGGERS, 'what the period runs from')),
            },
            strict,
          ),
          automated_decisions: Type.Optional(Type.Boolean()),
          consent_required: Type.Optional(Type.Boolean()),
        },
        strict,
      ),
      { minItems: 1 },
    ),
    recipients: Type.Array(
      Type.Object(
        {
          id: Id,
          type: Enum(RECIPIENT_TYPES, 'recipient type'),
          name: Type.Optional(Text),
          data_categories: Type.Optional(Ids('data category ids disclosed')),
          purposes: Type.Optional(Ids('purpose ids')),
          countries: Type.Optional(Type.Array(Code)),
          sale: Type.Optional(Type.Boolean()),
          sharing: Type.Optional(Type.Boolean()),
        },
        strict,
      ),
    ),
    transfers: Type.Array(
      Type.Object(
        {
          id: Id,
          from: Codes('jurisdiction ids whose data is transferred, or [all]'),
          to: Code,
          safeguard: Enum(SAFEGUARDS, 'transfer safeguard'),
          recipients: Type.Optional(Ids('recipient ids')),
          note: Type.Optional(Text),
        },
        strict,
      ),
    ),
    cookies: Type.Array(
      Type.Object(
        {
          id: Id,
          category: Enum(COOKIE_CATEGORIES, 'cookie category'),
          technologies: Type.Array(Enum(TECHNOLOGIES, 'technology'), { minItems: 1 }),
          consent_required: Type.Boolean(),
          examples: Type.Optional(
            Type.Array(Type.Object({ name: Text, provider: Text, duration: Type.String({ pattern: '^(session|P(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?)$' }) }, strict)),
          ),
        },
        strict,
      ),
    ),
    rights: Type.Array(Type.Object({ id: Id, jurisdictions: Codes('jurisdictions where the right applies, or [all]') }, strict)),
    rights_requests: Type.Object({ url: Url, email: Email, response_days: Type.Integer({ minimum: 1, maximum: 365 }) }, strict),
    children: Type.Object(
      {
        directed_to_children: Type.Boolean(),
        minimum_age: Type.Integer({ minimum: 0, maximum: 21 }),
        family_accounts: Type.Optional(Type.Boolean()),
      },
      strict,
    ),
    security_measures: Ids('security measure ids'),
    storage: Type.Optional(Type.Array(Type.Object({ regions: Type.Array(Code, { minItems: 1 }), location: Code, note: Type.Optional(Text) }, strict))),
    contacts: Type.Object(
      {
        privacy: Contact,
        dpo: Type.Optional(Type.Object({ ...contactProps, jurisdictions: Type.Optional(Codes('where the DPO acts')) }, strict)),
        officers: Type.Optional(
          Type.Array(Type.Object({ ...contactProps, jurisdiction: Code, role: Id }, strict)),
        ),
        representatives: Type.Optional(
          Type.Array(Type.Object({ ...contactProps, jurisdiction: Code }, strict)),
        ),
      },
      strict,
    ),
  },
  { ...strict, $id: 'https://noticekit.dev/schema/facts.json', title: 'noticekit policy facts' },
);

const Locale = Type.String({ pattern: '^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$', description: 'a BCP 47 language tag such as de, fr-CA, zh-CN' });

export const RegionsSchema = Type.Object(
  {
    regions: Type.Array(
      Type.Object(
        {
          id: Type.String({ pattern: '^[a-z]{2}(-[a-z0-9]{2,8})?$', description: 'region id, used in URLs' }),
          name: Text,
          local_name: Type.Optional(Text),
          continent: Enum(CONTINENTS, 'continent'),
          locales: Type.Array(Locale, { minItems: 1, uniqueItems: true }),
          jurisdictions: Type.Array(Code, { minItems: 1, uniqueItems: true }),
          entity: Id,
        },
        strict,
      ),
      { minItems: 1 },
    ),
  },
  { ...strict, $id: 'https://noticekit.dev/schema/regions.json', title: 'noticekit regions' },
);

export const ConfigSchema = Type.Object(
  {
    document: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9-]*$' })),
    out: Type.Optional(Text),
    base_url: Type.Optional(Url),
    default_locale: Type.Optional(Locale),
    fallback: Type.Optional(
      Type.Object(
        {
          mode: Type.Optional(Enum(['english-marked', 'error'] as const, 'what to do with untranslated units')),
        },
        strict,
      ),
    ),
    publishing: Type.Optional(
      Type.Object(
        {
          notice_period_days: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
          notice_period_overrides: Type.Optional(Type.Record(Type.String(), Type.Integer({ minimum: 0, maximum: 365 }))),
        },
        strict,
      ),
    ),
  },
  { ...strict, $id: 'https://noticekit.dev/schema/config.json', title: 'noticekit.config.yaml' },
);

export type Facts = Static<typeof FactsSchema>;
export type RegionsFile = Static<typeof RegionsSchema>;
export type Region = RegionsFile['regions'][number];
export type Config = Static<typeof ConfigSchema>;
export type Purpose = Facts['purposes'][number];
export type Entity = Facts['entities'][number];

export const SCHEMAS: Record<string, TSchema> = { facts: FactsSchema, regions: RegionsSchema, config: ConfigSchema };
