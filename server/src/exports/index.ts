/**
 * Exports: one model (model.ts), six renderers. Builders read the record into a model
 * (build.ts for documents; roundtable papers compose their own); `renderExport` turns any model
 * into a file.
 *
 *   const model = await buildDocumentExport(deps, documentId, { variant: 'clean', asOf: { kind: 'now' } });
 *   const { bytes, contentType, extension } = await renderExport(model, 'docx');
 */
import type { ExportFormat, ExportModel, RenderedExport } from './model.js';
import { renderExportHere } from './render-here.js';
import { UnavailableError } from '../application/errors.js';
import { runHeavyTask, WorkerPoolError } from '../workers/pool.js';

export * from './model.js';
export {
  buildDocumentExport,
  exportFileName,
  type DocumentExportDeps,
  type DocumentExportRequest,
} from './build.js';
export {
  countOpen,
  negotiationMarks,
  type NegotiationMarks,
  type NegotiationTextSource,
  type NegotiationTextView,
} from './negotiation-marks.js';
export { isExportFormat, parseExportRequest, type ExportRequestInput } from './request.js';
export {
  cleanModel,
  compilationModel,
  comparisonModel,
  exportVariants,
  variantTitle,
  type ExportVariant,
} from './document-model.js';

export { renderExportHere } from './render-here.js';
export {
  exportLabels,
  exportLanguages,
  isExportLanguage,
  type ExportLabels,
  type ExportLanguage,
} from './i18n/index.js';

/**
 * The model as a file of the format; the same model always gives the same bytes. Rendering runs
 * in the worker pool (workers/pool.ts), off the event loop, with its time and memory limits;
 * a full queue or a render over time is refused as unavailable.
 */
export async function renderExport(
  model: ExportModel,
  format: ExportFormat,
): Promise<RenderedExport> {
  const result = await runHeavyTask({ kind: 'export', model, format }, () =>
    renderExportHere(model, format),
  ).catch((error: unknown) => {
    if (!(error instanceof WorkerPoolError)) throw error;
    throw error.reason === 'busy'
      ? new UnavailableError('exports-busy', 'Exports are busy', {
          detail: `Try again shortly: ${error.message}.`,
        })
      : new UnavailableError('export-stopped', 'The export was stopped', {
          detail: `${error.message}.`,
        });
  });
  if (result.kind !== 'export') throw new Error('The export worker answered another task');
  return {
    ...result,
    bytes: Buffer.from(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength),
  };
}
