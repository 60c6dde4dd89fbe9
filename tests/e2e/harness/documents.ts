// Reading a downloaded file as its recipient's software would, without system tools: a DOCX is
// a zip package, opened here with JSZip.
import JSZip from 'jszip';

/** The main body (`word/document.xml`) of a DOCX, as text. */
export async function docxBody(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const body = zip.file('word/document.xml');
  if (!body) throw new Error('the DOCX has no word/document.xml');
  return body.async('string');
}
