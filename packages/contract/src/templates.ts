import { Type, type Static } from 'typebox';
import { ProduceHeader } from './messages.ts';

// ---- Saved messages: GET/POST /api/clusters/:cluster/templates, DELETE .../templates/:id,
// POST .../templates/import (issue 15). GET is the export: its list is what import takes. ----

const Text = Type.Unsafe<string | null>({ type: ['string', 'null'], maxLength: 1_000_000 });

/** A produced message saved under a name: what the produce form needs to send it again. */
export const TemplateInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    topic: Type.String({ minLength: 1, maxLength: 249 }),
    key: Type.Optional(Text),
    value: Text,
    headers: Type.Optional(Type.Array(ProduceHeader, { maxItems: 100 })),
    partition: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export type TemplateInput = Static<typeof TemplateInput>;

export const TEMPLATE_ID_PATTERN = '^[A-Za-z0-9_-]{1,64}$';

export const Template = Type.Object({
  ...TemplateInput.properties,
  id: Type.String(),
  cluster: Type.String(),
  savedAt: Type.Integer(),
});
export type Template = Static<typeof Template>;

export const TemplateList = Type.Object({ templates: Type.Array(Template) });
export type TemplateList = Static<typeof TemplateList>;

/** An exported template (its id kept, so importing twice replaces rather than duplicates). */
export const TemplateImportItem = Type.Object(
  {
    ...TemplateInput.properties,
    id: Type.Optional(Type.String({ pattern: TEMPLATE_ID_PATTERN })),
    cluster: Type.Optional(Type.String()),
    savedAt: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false },
);
export const TemplateImport = Type.Object(
  { templates: Type.Array(TemplateImportItem, { maxItems: 1000 }) },
  { additionalProperties: false },
);
export type TemplateImport = Static<typeof TemplateImport>;

export const TemplateParams = Type.Object({
  cluster: Type.String(),
  id: Type.String({ pattern: TEMPLATE_ID_PATTERN }),
});
