/**
 * The demo's first steps: the people's accounts, the negotiation opened by the secretariat,
 * its stakeholders registered, its members admitted and its co-facilitators appointed.
 */
import { defaultRoleFor, type RegisterStakeholder } from '@accord/shared';
import { DEMO_PASSWORD, type DemoStakeholder } from './demo-negotiation.js';
import { fail, single, type SeedContext } from './seed-context.js';
import type { Step } from './seed-schedule.js';

const REGISTRATION_ORDER: readonly DemoStakeholder['kind'][] = [
  'group',
  'delegation',
  'civil-society',
  'observer',
];

export function setupSteps(ctx: SeedContext): Step[] {
  const { demo, core, negotiationId, stakeholderId, userOf } = ctx;
  const { queries } = core.readModels;
  const stakeholderByKey = new Map(demo.stakeholders.map((s) => [s.key, s]));
  const stakeholder = (key: string) =>
    stakeholderByKey.get(key) ?? fail(`The demo has no stakeholder ${key}`);
  const secretariat = single(demo.people, (p) => p.role === 'secretariat', 'secretariat person');
  const secretariatBody = single(demo.stakeholders, (s) => s.kind === 'secretariat', 'secretariat');
  const chairs = demo.people.filter((p) => p.role === 'chair');
  const steps: Step[] = [];

  for (const p of demo.people) {
    steps.push({
      label: `account ${p.email}`,
      phase: 'accounts',
      async run() {
        // Seeding again reuses the demo accounts: an e-mail address belongs to one user.
        const existing = queries.getCredentialsByEmail(p.email);
        const userId =
          existing?.userId ??
          (await core.accounts.register({
            email: p.email,
            displayName: p.displayName,
            password: DEMO_PASSWORD,
            commandId: ctx.idOf(`user/${p.key}`),
          }));
        ctx.userIds.set(p.key, userId);
      },
    });
  }

  steps.push({
    label: 'open the negotiation',
    phase: 'setup',
    async run(now) {
      await ctx.execute({
        type: 'OpenNegotiation',
        data: {
          negotiationId,
          title: demo.title,
          description: demo.description,
          secretariat: {
            stakeholderId: stakeholderId(secretariatBody.key),
            name: secretariatBody.name,
            shortCode: secretariatBody.code,
          },
        },
        meta: {
          commandId: ctx.commandIdOf('open'),
          actor: { userId: userOf(secretariat.key) },
          now,
        },
      });
    },
  });

  // Groups before delegations: a delegation names the groups it belongs to.
  for (const kind of REGISTRATION_ORDER) {
    for (const s of demo.stakeholders.filter((x) => x.kind === kind)) {
      steps.push({
        label: `register ${s.code}`,
        phase: 'setup',
        async run(now) {
          await ctx.execute({
            type: 'RegisterStakeholder',
            data: registration(s, negotiationId, stakeholderId),
            meta: ctx.meta(
              `stakeholder/${s.key}`,
              ctx.actorOf(secretariat.key, 'stakeholders.manage'),
              now,
            ),
          });
        },
      });
    }
  }

  // The opener is a member already. Chairs join as members of their delegations first: appointing
  // them turns them into chairs, which is what records the appointment.
  for (const p of demo.people.filter((x) => x !== secretariat)) {
    steps.push({
      label: `admit ${p.displayName}`,
      phase: 'setup',
      async run(now) {
        const role = p.role === 'chair' ? defaultRoleFor[stakeholder(p.stakeholder).kind] : p.role;
        await ctx.execute({
          type: 'AdmitMember',
          data: {
            negotiationId,
            userId: userOf(p.key),
            stakeholderId: stakeholderId(p.stakeholder),
            role,
          },
          meta: ctx.meta(`admit/${p.key}`, ctx.actorOf(secretariat.key, 'members.manage'), now),
        });
      },
    });
  }

  steps.push({
    label: 'appoint the co-facilitators',
    phase: 'setup',
    async run(now) {
      await ctx.execute({
        type: 'AppointChairs',
        data: { negotiationId, userIds: chairs.map((c) => userOf(c.key)) },
        meta: ctx.meta('chairs', ctx.actorOf(secretariat.key, 'chairs.appoint'), now),
      });
    },
  });
  return steps;
}

function registration(
  s: DemoStakeholder,
  negotiationId: string,
  stakeholderId: (key: string) => string,
): RegisterStakeholder['data'] {
  const common = {
    negotiationId,
    stakeholderId: stakeholderId(s.key),
    name: s.name,
    shortCode: s.code,
  };
  switch (s.kind) {
    case 'delegation':
      return { ...common, kind: 'delegation', groupIds: (s.groups ?? []).map(stakeholderId) };
    case 'group':
    case 'civil-society':
    case 'observer':
    case 'secretariat':
      return { ...common, kind: s.kind };
  }
}
