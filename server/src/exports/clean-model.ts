/**
 * The last line of defence before a renderer: every string of an export model (titles, runs,
 * names, rationales, metadata) goes through the shared `cleanText`, so a control character typed
 * into the live text or carried by an old record can never make an issued DOCX or Akoma Ntoso
 * file invalid XML. `source` (what the JSON format writes) is left as recorded: JSON escapes
 * any character.
 */
import { cleanText } from '@accord/shared';
import type { ExportModel } from './model.js';

function cleanDeep<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => cleanDeep(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]: [string, unknown]) => [key, cleanDeep(item)]),
    ) as T;
  }
  return value;
}

export function cleanExportModel(model: ExportModel): ExportModel {
  const { source, ...rest } = model;
  const clean = cleanDeep(rest);
  return source === undefined ? clean : { ...clean, source };
}
