/**
 * The conference scenario's negotiation, set up over HTTP the way a secretariat does: signed in
 * as the operator, it opens a negotiation, invites people of several roles (delegates, each for
 * a delegation of their own; observers; civil society), who accept and get session cookies, and
 * creates the one document the room edits together (createDocument of the live benchmark).
 */
import { call, createDocument, openNegotiation } from './accord-setup.js';

const PASSWORD = 'benchmark password';

export interface ConferencePeople {
  delegates: number;
  observers: number;
  civilSociety: number;
}

export interface ConferenceNegotiation {
  negotiationId: string;
  documentId: string;
  /** The document's paragraph ids, in order (one per writer). */
  paragraphIds: string[];
  /** Delegates' sessions: they edit, so the Yjs connections use these. */
  delegateCookies: string[];
  /** Everyone's sessions, roles interleaved: the dashboard's socket.io clients use these. */
  everyoneCookies: string[];
}

type Invited = 'delegate' | 'observer' | 'civil-society';

const stakeholderKind: Record<Invited, string> = {
  delegate: 'delegation',
  observer: 'observer',
  'civil-society': 'civil-society',
};

/** One stakeholder with one invited person in `role`, who accepts: their session cookie. */
async function invite(
  base: string,
  operatorCookie: string,
  negotiationId: string,
  role: Invited,
  i: number,
): Promise<string> {
  const code = `${role.slice(0, 2).toUpperCase()}${i}`;
  const { body: stakeholder } = await call<{ stakeholderId: string }>(
    base,
    'POST',
    `/negotiations/${negotiationId}/stakeholders`,
    { kind: stakeholderKind[role], name: `${role} ${i}`, shortCode: code },
    operatorCookie,
  );
  const { body: invitation } = await call<{ invitationId: string; link: string }>(
    base,
    'POST',
    `/negotiations/${negotiationId}/invitations`,
    { email: `${role}${i}@conference.test`, stakeholderId: stakeholder.stakeholderId, role },
    operatorCookie,
  );
  const token = new URL(invitation.link, base).hash.replace(/^#token=/, '');
  const accept = () =>
    call(base, 'POST', `/invitations/${invitation.invitationId}/accept`, {
      token,
      password: PASSWORD,
      displayName: `${role} ${i}`,
    });
  // Behind the cluster proxy the invitee may reach a node that has not yet read the invitation
  // from the shared store (404 for a moment): they follow the link again, as a person would.
  let accepted = await accept().catch((error: unknown) => error as Error);
  for (let tries = 1; accepted instanceof Error && / 404 /.test(accepted.message); tries += 1) {
    if (tries >= 40) throw accepted;
    await new Promise((r) => setTimeout(r, 250));
    accepted = await accept().catch((error: unknown) => error as Error);
  }
  if (accepted instanceof Error) throw accepted;
  if (!accepted.cookie) throw new Error('accepting an invitation set no cookie');
  return accepted.cookie;
}

export async function setUpConference(
  base: string,
  operator: { email: string; password: string },
  people: ConferencePeople,
  paragraphs: number,
): Promise<ConferenceNegotiation> {
  const { negotiationId, operatorCookie } = await openNegotiation(
    base,
    operator,
    'Conference benchmark',
  );
  const byRole = async (role: Invited, count: number): Promise<string[]> => {
    const cookies: string[] = [];
    for (let i = 0; i < count; i += 1)
      cookies.push(await invite(base, operatorCookie, negotiationId, role, i));
    return cookies;
  };
  const delegateCookies = await byRole('delegate', people.delegates);
  const observerCookies = await byRole('observer', people.observers);
  const civilCookies = await byRole('civil-society', people.civilSociety);
  const everyoneCookies: string[] = [];
  const longest = Math.max(delegateCookies.length, observerCookies.length, civilCookies.length);
  for (let i = 0; i < longest; i += 1)
    for (const list of [delegateCookies, observerCookies, civilCookies]) {
      const cookie = list[i];
      if (cookie) everyoneCookies.push(cookie);
    }

  const documentId = await createDocument(
    base,
    { negotiationId, operatorCookie, delegateCookies },
    paragraphs,
  );
  const { body: detail } = await call<{ paragraphs: { id: string }[] }>(
    base,
    'GET',
    `/documents/${documentId}`,
    undefined,
    operatorCookie,
  );
  return {
    negotiationId,
    documentId,
    paragraphIds: detail.paragraphs.map((p) => p.id),
    delegateCookies,
    everyoneCookies,
  };
}
