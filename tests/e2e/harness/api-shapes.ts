// The parts of the REST API's answers that the browser tests read, as zod schemas: a test gets
// typed values it can trust instead of casting JSON, and a changed answer fails loudly here.
// Objects are loose on purpose: the tests name only the fields they check.
import { z } from 'zod';

export const negotiationListSchema = z.array(z.looseObject({ negotiationId: z.string() }));

export const documentSummaryListSchema = z.array(
  z.looseObject({ documentId: z.string(), title: z.string(), symbol: z.string() }),
);

export const documentSchema = z.looseObject({
  documentId: z.string(),
  title: z.string(),
  symbol: z.string(),
  paragraphs: z.array(
    z.looseObject({
      id: z.string(),
      kind: z.string(),
      label: z.string().nullable(),
      text: z.string(),
    }),
  ),
  revisions: z.array(z.looseObject({ label: z.string(), sequence: z.number() })),
});
export type DocumentRecord = z.infer<typeof documentSchema>;

export const amendmentSchema = z.looseObject({
  amendmentId: z.string(),
  paragraphId: z.string(),
  status: z.string(),
  revision: z.number(),
  chairsCompromise: z.boolean(),
  mergedInto: z.string().nullable(),
  proposal: z.looseObject({ proposedText: z.string(), originalText: z.string() }),
  sponsor: z.looseObject({ shortCode: z.string().nullable() }),
});
export const amendmentListSchema = z.array(amendmentSchema);

export const roundtableSchema = z.looseObject({
  roundtableId: z.string(),
  theme: z.string(),
  draft: z.number(),
  signOffs: z.array(
    z.looseObject({ stakeholder: z.looseObject({ shortCode: z.string().nullable() }) }),
  ),
  papers: z.array(
    z.looseObject({
      version: z.number(),
      files: z.array(z.looseObject({ format: z.string(), sha256: z.string() })),
    }),
  ),
});
export const roundtableListSchema = z.array(roundtableSchema);
