/**
 * Renders an export model in the calling thread: the worker pool's export task, and the
 * fallback when no worker runs. Its text is cleaned first (clean-model.ts), so no typed
 * character can make the file invalid.
 *
 * The DOCX, PDF and Akoma Ntoso renderers are imported on their first use: their libraries
 * (docx, pdfkit, xmlbuilder2) take a few hundred milliseconds to load, which a server start
 * should not wait for.
 */
import { cleanExportModel } from './clean-model.js';
import type { ExportFormat, ExportModel, RenderedExport } from './model.js';
import { renderHtml } from './render/html.js';
import { renderJson } from './render/json.js';
import { renderMarkdown } from './render/markdown.js';

const renderDocx = async (model: ExportModel) =>
  (await import('./render/docx.js')).renderDocx(model);
const renderPdf = async (model: ExportModel) => (await import('./render/pdf.js')).renderPdf(model);
const renderAkn = async (model: ExportModel) => (await import('./render/akn.js')).renderAkn(model);

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

/** The model as a file of the format, here; the same model always gives the same bytes. */
export async function renderExportHere(
  model: ExportModel,
  format: ExportFormat,
): Promise<RenderedExport> {
  const { contentType, extension, render } = FORMATS[format];
  return { bytes: await render(cleanExportModel(model)), contentType, extension };
}
