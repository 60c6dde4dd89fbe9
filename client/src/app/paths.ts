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
  // Consultations on a draft; the public answering page lives outside the signed-in app.
  consultations: (negotiationId: string) => `/negotiations/${negotiationId}/consultations`,
  consultation: (negotiationId: string, consultationId: string) =>
    `/negotiations/${negotiationId}/consultations/${consultationId}`,
  consultationSynthesis: (negotiationId: string, consultationId: string) =>
    `/negotiations/${negotiationId}/consultations/${consultationId}/synthesis`,
  publicConsultation: (token: string) => `/consult/${token}`,
  // Recommendations of civil society and observers, and their uptake.
  recommendations: (negotiationId: string) => `/negotiations/${negotiationId}/recommendations`,
  recommendation: (negotiationId: string, recommendationId: string) =>
    `/negotiations/${negotiationId}/recommendations/${recommendationId}`,
  // Action pledges on adopted texts; their public pages live outside the signed-in app.
  pledges: (negotiationId: string) => `/negotiations/${negotiationId}/pledges`,
  pledge: (negotiationId: string, pledgeId: string) =>
    `/negotiations/${negotiationId}/pledges/${pledgeId}`,
  pledgeReview: (negotiationId: string) => `/negotiations/${negotiationId}/pledges/review`,
  publicPledges: (negotiationId: string) => `/public/negotiations/${negotiationId}/pledges`,
  publicPledge: (pledgeId: string) => `/public/pledges/${pledgeId}`,
  publicPledgeReview: (negotiationId: string) =>
    `/public/negotiations/${negotiationId}/pledges/review`,
};

/** Only same-site paths are followed after sign-in (an open redirect would help phishing). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : paths.home();
}
