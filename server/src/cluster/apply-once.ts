/**
 * On the owner node, one application per amendment or per piece of text work, however many
 * nodes ask for it at once. Every node runs the reactors that bring accepted amendments and
 * brackets' work into the text; each checks the log first ("is it there already?"), then asks
 * the owner to apply. Two nodes that check at the same moment both ask. Before text work was
 * routed, the second writer's append met the first's revision and failed (reloading the
 * document and closing its connections on the way); now both calls reach the same live copy, so
 * this node joins them: a call for an amendment or a work id that is in flight or finished in
 * the last minute gets the first call's outcome instead of writing the words a second time.
 * A failed application is forgotten at once, so a retry applies it.
 */
import type { DocumentText } from '../application/ports.js';

/** Long enough for every node's reactor to have asked; short enough never to mask a new decision. */
const REMEMBER_MS = 60_000;
const MAX_REMEMBERED = 10_000;

export function applyOnce(text: DocumentText, rememberMs = REMEMBER_MS): DocumentText {
  const recent = new Map<string, { outcome: Promise<unknown>; at: number }>();

  function once<T>(key: string, apply: () => Promise<T>): Promise<T> {
    const now = Date.now();
    for (const [k, entry] of recent) {
      // Oldest first (insertion order): stop at the first one still worth keeping.
      if (now - entry.at < rememberMs && recent.size <= MAX_REMEMBERED) break;
      recent.delete(k);
    }
    const known = recent.get(key);
    if (known) return known.outcome as Promise<T>;
    const outcome = apply();
    recent.set(key, { outcome, at: now });
    outcome.catch(() => {
      if (recent.get(key)?.outcome === outcome) recent.delete(key);
    });
    return outcome;
  }

  // Every method named: `text` may be a class instance, whose methods a spread would miss.
  return {
    paragraphs: (documentId) => text.paragraphs(documentId),
    anchor: (documentId, paragraphId, start, end) =>
      text.anchor(documentId, paragraphId, start, end),
    create: (documentId, paragraphs, by, at) => text.create(documentId, paragraphs, by, at),
    assertAmendmentApplies: (documentId, amendmentId) =>
      text.assertAmendmentApplies(documentId, amendmentId),
    resolveAnchors: (documentId, anchors) => text.resolveAnchors(documentId, anchors),
    findTextWork: (documentId, workId, since) => text.findTextWork(documentId, workId, since),
    textRevision: (documentId) => text.textRevision(documentId),
    applyAmendment: (documentId, amendmentId, by, at) =>
      once(`${documentId} amendment ${amendmentId}`, () =>
        text.applyAmendment(documentId, amendmentId, by, at),
      ),
    applyTextWork: (documentId, work, edits) =>
      once(`${documentId} work ${work.workId}`, () => text.applyTextWork(documentId, work, edits)),
  };
}
