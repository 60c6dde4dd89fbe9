// The app's addresses in one place, so links and redirects cannot drift apart.
export const paths = {
  home: () => '/',
  signIn: (next?: string) => (next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in'),
  negotiation: (negotiationId: string) => `/negotiations/${negotiationId}`,
  manage: (negotiationId: string) => `/negotiations/${negotiationId}/manage`,
  draft: (negotiationId: string, documentId: string) =>
    `/negotiations/${negotiationId}/documents/${documentId}`,
  consensus: (negotiationId: string, documentId: string) =>
    `/negotiations/${negotiationId}/documents/${documentId}/consensus`,
  authorship: (negotiationId: string, documentId: string) =>
    `/negotiations/${negotiationId}/documents/${documentId}/authorship`,
  languageVersions: (negotiationId: string, documentId: string) =>
    `/negotiations/${negotiationId}/documents/${documentId}/languages`,
  projector: (negotiationId: string, documentId: string) =>
    `/negotiations/${negotiationId}/documents/${documentId}/projector`,
  // Chair console and roundtables
  chairConsole: (negotiationId: string) => `/negotiations/${negotiationId}/chair`,
  roundtables: (negotiationId: string) => `/negotiations/${negotiationId}/roundtables`,
  roundtable: (negotiationId: string, roundtableId: string) =>
    `/negotiations/${negotiationId}/roundtables/${roundtableId}`,
};

/** Only same-site paths are followed after sign-in (an open redirect would help phishing). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : paths.home();
}
