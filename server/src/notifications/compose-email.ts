// Turns notices into an e-mail in the reader's language: a subject, a plain-text part and a
// simple HTML part (the same words, escaped, with links), one notice or a day's digest of them.
import { notificationPath, type NotificationKind, type NotificationPayload } from '@accord/shared';
import {
  directionOf,
  formatInstant,
  formatMessage,
  type MailLanguage,
  type MessageKey,
  type MessageValues,
} from './i18n/index.js';

export interface NoticeToWrite {
  kind: NotificationKind;
  payload: NotificationPayload;
  /** Names the payload's ids stand for, as the record has them. */
  documentTitle: string | null;
  stakeholderName?: string | null;
}

export interface ComposedEmail {
  subject: string;
  text: string;
  html: string;
}

export interface Composer {
  language: MailLanguage;
  /** The app's public address, without a trailing slash. */
  publicUrl: string;
}

/** Where people change what they receive (the client's preferences page). */
export const PREFERENCES_PATH = '/notifications/preferences';

function valuesOf(notice: NoticeToWrite, language: MailLanguage): MessageValues {
  const { payload } = notice;
  return {
    document: notice.documentTitle ?? formatMessage(language, 'document.unknown'),
    revision: payload.revisionLabel ?? '',
    until: payload.until ? formatInstant(language, payload.until) : '',
    kind: payload.deadlineKind ?? 'positions',
    count: payload.paragraphCount ?? 'all',
    stakeholder: notice.stakeholderName ?? '—',
    outcome: payload.silenceOutcome ?? payload.amendmentOutcome ?? 'other',
    target: payload.amendmentId && !payload.paragraphId ? 'amendment' : 'paragraph',
  };
}

function lines(notice: NoticeToWrite, { language, publicUrl }: Composer) {
  const values = valuesOf(notice, language);
  return {
    subject: formatMessage(language, `subject.${notice.kind}` as MessageKey, values),
    body: formatMessage(language, `body.${notice.kind}` as MessageKey, values),
    url: `${publicUrl}${notificationPath(notice.payload)}`,
  };
}

export function composeNotice(notice: NoticeToWrite, composer: Composer): ComposedEmail {
  const { subject, body, url } = lines(notice, composer);
  const { language, publicUrl } = composer;
  const open = formatMessage(language, 'open', { url });
  const footer = formatMessage(language, 'footer', { url: `${publicUrl}${PREFERENCES_PATH}` });
  return {
    subject,
    text: `${body}\n\n${open}\n\n--\n${footer}\n`,
    html: page(language, [
      `<p>${escape(body)}</p>`,
      `<p><a href="${escape(url)}">${escape(open)}</a></p>`,
      footerHtml(footer),
    ]),
  };
}

export function composeDigest(
  notices: readonly NoticeToWrite[],
  composer: Composer,
): ComposedEmail {
  const { language, publicUrl } = composer;
  const items = notices.map((notice) => lines(notice, composer));
  const intro = formatMessage(language, 'digest.intro');
  const footer = formatMessage(language, 'footer', { url: `${publicUrl}${PREFERENCES_PATH}` });
  return {
    subject: formatMessage(language, 'digest.subject', { count: notices.length }),
    text: `${intro}\n\n${items.map((i) => `* ${i.body}\n  ${i.url}`).join('\n\n')}\n\n--\n${footer}\n`,
    html: page(language, [
      `<p>${escape(intro)}</p>`,
      `<ul>${items.map((i) => `<li><a href="${escape(i.url)}">${escape(i.body)}</a></li>`).join('')}</ul>`,
      footerHtml(footer),
    ]),
  };
}

const footerHtml = (footer: string): string =>
  `<hr><p style="color:#555;font-size:small">${escape(footer)}</p>`;

function page(language: MailLanguage, parts: string[]): string {
  return `<!doctype html><html lang="${language}" dir="${directionOf(language)}"><body>${parts.join('')}</body></html>`;
}

const escape = (text: string): string =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
