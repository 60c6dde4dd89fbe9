/**
 * A small negotiation for API tests: one signed-in member per role (plus a second delegate),
 * stakeholders of every kind, and two documents — one in open drafting, one formal — each with
 * a few paragraphs. Set up through the real command path; members act over HTTP.
 */
import { randomUUID } from 'node:crypto';
import type { Role } from '@accord/shared';
import type { RunningServer } from '../server.js';
import { ApiClient } from './api-client.js';

export const FIXTURE_PASSWORD = 'correct horse battery';
export type FixtureMember = Role | 'delegate2';
export const roles: Role[] = ['chair', 'secretariat', 'delegate', 'civil-society', 'observer'];

export interface NegotiationFixture {
  negotiationId: string;
  stakeholders: Record<
    'groupG' | 'delegationA' | 'delegationB' | 'delegationC' | 'cso' | 'observer' | 'secretariat',
    string
  >;
  userIds: Record<FixtureMember, string>;
  clients: Record<FixtureMember, ApiClient>;
  documents: { 'open-drafting': string; formal: string };
  paragraphIds(documentId: string): Promise<string[]>;
}

export async function createNegotiationFixture(server: RunningServer): Promise<NegotiationFixture> {
  const { accounts, commands } = server;
  const now = () => new Date().toISOString();
  const members: FixtureMember[] = [...roles, 'delegate2'];
  const userIds = {} as Record<FixtureMember, string>;
  for (const member of members) {
    userIds[member] = await accounts.register({
      email: `${member}@fixture.test`,
      displayName: `The ${member}`,
      password: FIXTURE_PASSWORD,
    });
  }

  const negotiationId = randomUUID();
  const stakeholders = {
    groupG: randomUUID(),
    delegationA: randomUUID(),
    delegationB: randomUUID(),
    delegationC: randomUUID(),
    cso: randomUUID(),
    observer: randomUUID(),
    secretariat: randomUUID(),
  };
  await commands.execute({
    type: 'OpenNegotiation',
    data: {
      negotiationId,
      title: 'Fixture negotiation',
      description: 'For tests',
      secretariat: {
        stakeholderId: stakeholders.secretariat,
        name: 'Secretariat',
        shortCode: 'SEC',
      },
    },
    meta: { commandId: randomUUID(), actor: { userId: userIds.secretariat }, now: now() },
  });
  const asSecretariat = () => ({
    commandId: randomUUID(),
    actor: {
      userId: userIds.secretariat,
      stakeholderId: stakeholders.secretariat,
      role: 'secretariat' as const,
    },
    now: now(),
  });
  const register = async (
    stakeholderId: string,
    kind: 'group' | 'civil-society' | 'observer',
    name: string,
    shortCode: string,
  ) =>
    commands.execute({
      type: 'RegisterStakeholder',
      data: { negotiationId, stakeholderId, kind, name, shortCode },
      meta: asSecretariat(),
    });
  const delegation = async (
    stakeholderId: string,
    name: string,
    shortCode: string,
    groupIds: string[],
  ) =>
    commands.execute({
      type: 'RegisterStakeholder',
      data: { negotiationId, stakeholderId, kind: 'delegation', name, shortCode, groupIds },
      meta: asSecretariat(),
    });
  await register(stakeholders.groupG, 'group', 'Group G', 'GG');
  await delegation(stakeholders.delegationA, 'Alderia', 'ALD', [stakeholders.groupG]);
  await delegation(stakeholders.delegationB, 'Bravonia', 'BRV', []);
  await delegation(stakeholders.delegationC, 'Corvalis', 'CRV', []);
  await register(stakeholders.cso, 'civil-society', 'Workers Network', 'WN');
  await register(stakeholders.observer, 'observer', 'Urban Health Organization', 'UHO');
  const admit = (userId: string, stakeholderId: string, role: Role) =>
    commands.execute({
      type: 'AdmitMember',
      data: { negotiationId, userId, stakeholderId, role },
      meta: asSecretariat(),
    });
  await admit(userIds.chair, stakeholders.delegationC, 'chair');
  await admit(userIds.delegate, stakeholders.delegationA, 'delegate');
  await admit(userIds.delegate2, stakeholders.delegationB, 'delegate');
  await admit(userIds['civil-society'], stakeholders.cso, 'civil-society');
  await admit(userIds.observer, stakeholders.observer, 'observer');
  await commands.execute({
    type: 'AppointChairs',
    data: { negotiationId, userIds: [userIds.chair] },
    meta: asSecretariat(),
  });

  const clients = {} as Record<FixtureMember, ApiClient>;
  for (const member of members) {
    clients[member] = new ApiClient(server.url);
    await clients[member].signIn(`${member}@fixture.test`, FIXTURE_PASSWORD);
  }

  const paragraphs = [
    {
      kind: 'preambular',
      text: 'Recognizing that extreme heat endangers the health of urban residents,',
    },
    { kind: 'operative', text: 'Commit to establishing heat early-warning systems in every city;' },
    { kind: 'subparagraph', text: 'with alerts in the languages spoken by residents;' },
    { kind: 'operative', text: 'Encourage cities to open cooling centres during heatwaves;' },
  ];
  const documents = { 'open-drafting': '', formal: '' };
  for (const mode of ['open-drafting', 'formal'] as const) {
    const res = await clients.chair.post<{ documentId: string }>(
      `/api/negotiations/${negotiationId}/documents`,
      {
        title: `Fixture draft (${mode})`,
        symbol: `A/FIX/${mode === 'formal' ? 2 : 1}`,
        mode,
        paragraphs,
      },
    );
    if (res.status !== 201)
      throw new Error(`creating the ${mode} document failed: ${JSON.stringify(res.body)}`);
    documents[mode] = res.body.documentId;
  }

  return {
    negotiationId,
    stakeholders,
    userIds,
    clients,
    documents,
    paragraphIds: async (documentId) => (await server.text.paragraphs(documentId)).map((p) => p.id),
  };
}
