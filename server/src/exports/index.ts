/**
 * Exports: one model (model.ts), six renderers. Builders read the record into a model
 * (build.ts for documents; roundtable papers compose their own); `renderExport` turns any model
 * into a file.
 *
 *   const model = await buildDocumentExport(deps, documentId, { variant: 'clean', asOf: { kind: 'now' } });
 *   const { bytes, contentType, extension } = await renderExport(model, 'docx');
 */
import type { ExportFormat, ExportModel, RenderedExport } from './model.js';
import { renderAkn } from './render/akn.js';
import { renderDocx } from './render/docx.js';
import { renderHtml } from './render/html.js';
import { renderJson } from './render/json.js';
import { renderMarkdown } from './render/markdown.js';
import { renderPdf } from './render/pdf.js';

export * from './model.js';
export { buildDocumentExport, exportFileName, type DocumentExportRequest } from './build.js';
export { isExportFormat, parseExportRequest, type ExportRequestInput } from './request.js';
export {
  cleanModel,
  compilationModel,
  comparisonModel,
  exportVariants,
  variantTitle,
  type ExportVariant,
} from './document-model.js';

const FORMATS: Record<
  ExportFormat,
  {
    contentType: string;
    extension: string;
    render: (model: ExportModel) => Buffer | Promise<Buffer>;
  }
> = {
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
    render: renderDocx,
  },
  pdf: { contentType: 'application/pdf', extension: 'pdf', render: renderPdf },
  html: { contentType: 'text/html; charset=utf-8', extension: 'html', render: renderHtml },
  md: { contentType: 'text/markdown; charset=utf-8', extension: 'md', render: renderMarkdown },
  akn: { contentType: 'application/akn+xml', extension: 'akn.xml', render: renderAkn },
  json: { contentType: 'application/json; charset=utf-8', extension: 'json', render: renderJson },
};

/** The model as a file of the format; the same model always gives the same bytes. */
export async function renderExport(
  model: ExportModel,
  format: ExportFormat,
): Promise<RenderedExport> {
  const { contentType, extension, render } = FORMATS[format];
  return { bytes: await render(model), contentType, extension };
}
