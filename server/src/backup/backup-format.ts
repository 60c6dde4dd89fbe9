/**
 * The backup file format: NDJSON, one event a line, in global order. Binary data is base64.
 * The record's own time lives in each event's metadata, so restoring (which gives events a
 * new `created`) keeps the negotiation's history intact.
 */
import { z } from 'zod';

export const BackupLineSchema = z
  .object({
    stream: z.string().min(1),
    revision: z.string().regex(/^\d+$/),
    id: z.string().min(1),
    type: z.string().min(1),
    encoding: z.enum(['json', 'base64']),
    data: z.unknown(),
    metadata: z.record(z.string(), z.unknown()),
    created: z.string(),
  })
  .strict();

export type BackupLine = z.infer<typeof BackupLineSchema>;
