/**
 * Accord's side of the benchmark set up the way people set it up: one operator account written
 * into the empty store (the API has no open sign-up), then, over HTTP against the running
 * server, a negotiation, delegations, invitations accepted by their delegates (who get session
 * cookies) and the documents the clients edit.
 */
import { loadConfig, startServer } from '@accord/server';

const PASSWORD = 'benchmark password';
const OPERATOR = 'secretariat@bench.test';

/** Writes the operator's account into a fresh data directory (the server must not be running). */
export async function createOperatorAccount(dataDir: string): Promise<void> {
  const server = await startServer(
    loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      ACCORD_DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      ACCORD_DEMO: 'false',
    }),
  );
  try {
    await server.accounts.register({
      email: OPERATOR,
      displayName: 'Benchmark secretariat',
      password: PASSWORD,
    });
  } finally {
    await server.close();
  }
}

interface Response<T> {
  status: number;
  body: T;
  cookie: string | undefined;
}

export async function call<T>(
  base: string,
  method: string,
  route: string,
  body: unknown,
  cookie?: string,
): Promise<Response<T>> {
  const res = await fetch(`${base}/api${route}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${route}: ${res.status} ${text}`);
  return {
    status: res.status,
    body: (text ? JSON.parse(text) : undefined) as T,
    // Every cookie set, names and values: behind the cluster proxy, its sticky-node cookie too,
    // so that a person's later requests reach the node that holds their session, as a browser's do.
    cookie:
      res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ') || undefined,
  };
}

export interface AccordNegotiation {
  negotiationId: string;
  operatorCookie: string;
  /** One signed-in delegate per delegation; clients share them round robin. */
  delegateCookies: string[];
}

/** Signs the operator in and opens a negotiation: its id and the operator's session. */
export async function openNegotiation(
  base: string,
  operator: { email: string; password: string } = { email: OPERATOR, password: PASSWORD },
  title = 'Benchmark negotiation',
): Promise<{ negotiationId: string; operatorCookie: string }> {
  const session = await call(base, 'POST', '/session', operator);
  const operatorCookie = session.cookie;
  if (!operatorCookie) throw new Error('sign-in set no cookie');
  const { body: negotiation } = await call<{ negotiationId: string }>(
    base,
    'POST',
    '/negotiations',
    {
      title,
      description: 'Created by the benchmark',
      secretariat: { name: 'Secretariat', shortCode: 'SEC' },
    },
    operatorCookie,
  );
  return { negotiationId: negotiation.negotiationId, operatorCookie };
}

export async function setUpNegotiation(
  base: string,
  delegates: number,
): Promise<AccordNegotiation> {
  const { negotiationId, operatorCookie } = await openNegotiation(base);
  const delegateCookies: string[] = [];
  for (let i = 0; i < delegates; i += 1) {
    const { body: stakeholder } = await call<{ stakeholderId: string }>(
      base,
      'POST',
      `/negotiations/${negotiationId}/stakeholders`,
      { kind: 'delegation', name: `State ${i}`, shortCode: `S${i}` },
      operatorCookie,
    );
    const { body: invitation } = await call<{ invitationId: string; link: string }>(
      base,
      'POST',
      `/negotiations/${negotiationId}/invitations`,
      {
        email: `delegate${i}@bench.test`,
        stakeholderId: stakeholder.stakeholderId,
        role: 'delegate',
      },
      operatorCookie,
    );
    const token = new URL(invitation.link, base).hash.replace(/^#token=/, '');
    const accepted = await call(base, 'POST', `/invitations/${invitation.invitationId}/accept`, {
      token,
      password: PASSWORD,
      displayName: `Delegate ${i}`,
    });
    if (!accepted.cookie) throw new Error('accepting an invitation set no cookie');
    delegateCookies.push(accepted.cookie);
  }
  return { negotiationId, operatorCookie, delegateCookies };
}

let documentNumber = 0;

/** An open-drafting document with `paragraphs` short paragraphs, as the secretariat creates one. */
export async function createDocument(
  base: string,
  negotiation: AccordNegotiation,
  paragraphs: number,
): Promise<string> {
  documentNumber += 1;
  const { body } = await call<{ documentId: string }>(
    base,
    'POST',
    `/negotiations/${negotiation.negotiationId}/documents`,
    {
      title: `Benchmark draft ${documentNumber}`,
      symbol: `A/BENCH/${documentNumber}`,
      mode: 'open-drafting',
      paragraphs: Array.from({ length: paragraphs }, (_, i) => ({
        kind: 'operative',
        text: `Paragraph ${i + 1}.`,
      })),
    },
    negotiation.operatorCookie,
  );
  return body.documentId;
}
