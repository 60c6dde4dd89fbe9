// Stream names follow EventStoreDB's `category-id` convention (ARCHITECTURE.md); these
// helpers are the only place the category prefixes are spelled.
//
//   appendToStream(amendmentStream(id), events)   // 'amendment-01J…'
import { normaliseEmail } from './email.js';

export const streamCategories = [
  'negotiation',
  'document',
  'doctext',
  'doctextsnapshot',
  'amendment',
  'positions',
  'comments',
  'roundtable',
  'roundtablepaper',
  'user',
  'useremail',
  'session',
  'process',
  'notifyprefs',
  'privatedraft',
  'schedule',
  'translations',
  'library',
  'citations',
  'consultation',
  'recommendation',
  'pledge',
] as const;
export type StreamCategory = (typeof streamCategories)[number];

export const streamName = (category: StreamCategory, id: string): string => `${category}-${id}`;

export const negotiationStream = (negotiationId: string) =>
  streamName('negotiation', negotiationId);
export const documentStream = (documentId: string) => streamName('document', documentId);
/** Every Yjs update of a document's text, attributed (`TextUpdated`). */
export const docTextStream = (documentId: string) => streamName('doctext', documentId);
/** Periodic full states of a document's text (`TextSnapshotTaken`), so loading skips the history. */
export const docTextSnapshotStream = (documentId: string) =>
  streamName('doctextsnapshot', documentId);
export const amendmentStream = (amendmentId: string) => streamName('amendment', amendmentId);
/** One positions stream per document: all stakeholders' positions on its paragraphs and amendments. */
export const positionsStream = (documentId: string) => streamName('positions', documentId);
/** One comments stream per document. */
export const commentsStream = (documentId: string) => streamName('comments', documentId);
export const roundtableStream = (roundtableId: string) => streamName('roundtable', roundtableId);
/**
 * The stored bytes of one issued roundtable paper version, one stream per version, so that a
 * version downloads byte for byte whatever renders papers today. Not a decider's stream.
 */
export const roundtablePaperStream = (roundtableId: string, version: number) =>
  streamName('roundtablepaper', `${roundtableId}-${version}`);
export const userStream = (userId: string) => streamName('user', userId);
/**
 * The reservation stream that makes an e-mail address unique: the server appends
 * `UserEmailReserved` to it with expected revision `no_stream` before registering the user.
 */
export const userEmailStream = (email: string) => streamName('useremail', normaliseEmail(email));
/** A sign-in session, named by the SHA-256 of its token (never the token). */
export const sessionStream = (tokenHash: string) => streamName('session', tokenHash);

/** A document's deadlines and silence procedures (`process-<documentId>`). */
export const processStream = (documentId: string) => streamName('process', documentId);

/** A delegation's or a group's private draft (`privatedraft-<draftId>`); see isPrivateStream. */
export const privateDraftStream = (draftId: string) => streamName('privatedraft', draftId);

/** A negotiation's sessions and segments (`schedule-<negotiationId>`). */
export const scheduleStream = (negotiationId: string) => streamName('schedule', negotiationId);

/** A document's language versions: every paragraph's translations (`translations-<documentId>`). */
export const translationsStream = (documentId: string) => streamName('translations', documentId);

/** A user's notification preferences, read marks and e-mail claims (`notifyprefs-<userId>`). */
export const notifyPrefsStream = (userId: string) => streamName('notifyprefs', userId);

/** Splits at the first `-` (as EventStoreDB's `$by_category` does); null for foreign streams. */
export function parseStreamName(name: string): { category: StreamCategory; id: string } | null {
  const dash = name.indexOf('-');
  if (dash <= 0 || dash === name.length - 1) return null;
  const category = name.slice(0, dash);
  const isKnown = (streamCategories as readonly string[]).includes(category);
  return isKnown ? { category: category as StreamCategory, id: name.slice(dash + 1) } : null;
}

/** One adopted text of the agreed-language library (`library-<libraryTextId>`). */
export const libraryTextStream = (libraryTextId: string) => streamName('library', libraryTextId);
/** The passages of agreed language cited in one document (`citations-<documentId>`). */
export const citationsStream = (documentId: string) => streamName('citations', documentId);
/** One recommendation of a civil-society or observer organisation (`recommendation-<id>`). */
export const recommendationStream = (recommendationId: string) =>
  streamName('recommendation', recommendationId);
/** A consultation on a revision of a document, with its answers (`consultation-<id>`). */
export const consultationStream = (consultationId: string) =>
  streamName('consultation', consultationId);
/** One action pledge towards an adopted text, with its reports (`pledge-<pledgeId>`). */
export const pledgeStream = (pledgeId: string) => streamName('pledge', pledgeId);
