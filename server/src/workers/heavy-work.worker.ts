/**
 * The worker thread's entry (piscina loads the compiled `dist/workers/heavy-work.worker.js`):
 * parses an import or renders an export with the same in-thread functions the CLI uses.
 */
import { DraftImportError } from '../imports/draft-model.js';
import { parseDraftHere } from '../imports/parse-draft.js';
import { renderExportHere } from '../exports/render-here.js';
import type { HeavyResult, HeavyTask } from './heavy-work.js';

export default async function run(task: HeavyTask): Promise<HeavyResult> {
  if (task.kind === 'export') {
    const file = await renderExportHere(task.model, task.format);
    return { kind: 'export', ...file };
  }
  try {
    const draft = await parseDraftHere(Buffer.from(task.bytes), task.format, task.limits);
    return { kind: 'import', draft };
  } catch (error) {
    if (!(error instanceof DraftImportError)) throw error;
    const { code, status, title, detail } = error;
    return { kind: 'import-refused', problem: { code, status, title, detail } };
  }
}
