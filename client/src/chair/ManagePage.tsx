// Participants and invitations, for the chair and the secretariat: register stakeholders, invite
// a person to act for one (the link is shown once, since only its hash is kept), and change
// members' roles or revoke them.
import {
  can,
  defaultRoleFor,
  roleFitsStakeholder,
  roles,
  stakeholderKinds,
  type Role,
  type StakeholderKind,
} from '@accord/shared';
import { useId, useState, type FormEvent } from 'react';
import { api } from '../api/endpoints.js';
import type { CreatedInvitation, Member } from '../api/types.js';
import { useNegotiation } from '../app/negotiation-context.js';
import { useI18n } from '../i18n/i18n.js';
import { useLiveResource } from '../realtime/useLiveResource.js';
import { Loading, LoadError, Notice, StakeholderChip } from '../ui/bits.js';
import { useAction } from '../ui/useAction.js';

export function ManagePage() {
  const { t } = useI18n();
  const { negotiation } = useNegotiation();
  if (!can(negotiation.you.role, 'members.manage'))
    return <Notice tone="info">{t('manage.notAllowed')}</Notice>;
  return (
    <div className="manage">
      <h1>{t('manage.title')}</h1>
      <div className="manage__grid">
        <StakeholdersSection />
        <InvitationsSection />
        <MembersSection />
      </div>
    </div>
  );
}

function StakeholdersSection() {
  const { t } = useI18n();
  const { negotiation, reload } = useNegotiation();
  const id = useId();
  const [kind, setKind] = useState<StakeholderKind>('delegation');
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [groupIds, setGroupIds] = useState<string[]>([]);
  const groups = negotiation.stakeholders.filter((s) => s.kind === 'group');
  const register = useAction(
    async () => {
      await api.registerStakeholder(negotiation.negotiationId, {
        kind,
        name: name.trim(),
        shortCode: code.trim(),
        ...(kind === 'delegation' ? { groupIds } : {}),
      });
      setName('');
      setCode('');
      setGroupIds([]);
      reload();
    },
    () => t('manage.registered', { name }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void register.run();
  };
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('manage.stakeholders')}</h2>
      <ul className="plain-list">
        {negotiation.stakeholders.map((s) => (
          <li key={s.stakeholderId}>
            <StakeholderChip stakeholder={s} /> {s.name}{' '}
            <span className="muted">· {t(`stakeholderKind.${s.kind}`)}</span>
          </li>
        ))}
      </ul>
      <form className="form" onSubmit={submit}>
        <h3>{t('manage.register')}</h3>
        <label className="field">
          <span className="field__label">{t('manage.kind')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as StakeholderKind)}>
            {stakeholderKinds.map((k) => (
              <option key={k} value={k}>
                {t(`stakeholderKind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('manage.name')}</span>
          <input required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">{t('manage.shortCode')}</span>
          <input
            required
            maxLength={12}
            value={code}
            onChange={(e) => setCode(e.target.value.toUpperCase())}
            aria-describedby={`${id}-code-hint`}
          />
          <span id={`${id}-code-hint`} className="field__hint">
            {t('manage.shortCodeHint')}
          </span>
        </label>
        {kind === 'delegation' && (
          <fieldset className="checkbox-list">
            <legend>{t('manage.groups')}</legend>
            {groups.length === 0 && <p className="muted">{t('manage.noGroups')}</p>}
            {groups.map((g) => (
              <label key={g.stakeholderId} className="checkbox">
                <input
                  type="checkbox"
                  checked={groupIds.includes(g.stakeholderId)}
                  onChange={(e) =>
                    setGroupIds((ids) =>
                      e.target.checked
                        ? [...ids, g.stakeholderId]
                        : ids.filter((x) => x !== g.stakeholderId),
                    )
                  }
                />
                {g.name}
              </label>
            ))}
          </fieldset>
        )}
        <button
          type="submit"
          className="button button--primary"
          disabled={register.busy || !name.trim() || !code.trim()}
        >
          {t('manage.registerSubmit')}
        </button>
      </form>
    </section>
  );
}

function InvitationsSection() {
  const { t, formatDate } = useI18n();
  const { negotiation, stakeholders } = useNegotiation();
  const negotiationId = negotiation.negotiationId;
  const id = useId();
  const invitations = useLiveResource(
    `invitations:${negotiationId}`,
    () => api.invitations(negotiationId),
    (n) => n.negotiationId === negotiationId && (n.kind === 'invitation' || n.kind === 'member'),
  );
  const first = negotiation.stakeholders[0];
  const [email, setEmail] = useState('');
  const [stakeholderId, setStakeholderId] = useState(first?.stakeholderId ?? '');
  const stakeholder = stakeholders.get(stakeholderId);
  const fitting = roles.filter((r) => !stakeholder || roleFitsStakeholder(r, stakeholder.kind));
  const [role, setRole] = useState<Role | null>(null);
  const chosenRole: Role =
    role && fitting.includes(role)
      ? role
      : stakeholder
        ? defaultRoleFor[stakeholder.kind]
        : 'delegate';
  const [created, setCreated] = useState<{ email: string; invitation: CreatedInvitation } | null>(
    null,
  );
  const [copied, setCopied] = useState(false);
  const invite = useAction(async () => {
    const invitation = await api.invite(negotiationId, {
      email: email.trim(),
      stakeholderId,
      role: chosenRole,
    });
    setCreated({ email: email.trim(), invitation });
    setCopied(false);
    setEmail('');
    invitations.reload();
  });
  const link = created?.invitation.link
    ? `${window.location.origin}${created.invitation.link}`
    : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void invite.run();
  };
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('manage.invitations')}</h2>
      <form className="form" onSubmit={submit}>
        <h3>{t('manage.invite')}</h3>
        <label className="field">
          <span className="field__label">{t('manage.email')}</span>
          <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">{t('manage.actsFor')}</span>
          <select value={stakeholderId} onChange={(e) => setStakeholderId(e.target.value)}>
            {negotiation.stakeholders.map((s) => (
              <option key={s.stakeholderId} value={s.stakeholderId}>
                {s.shortCode} — {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('manage.role')}</span>
          <select value={chosenRole} onChange={(e) => setRole(e.target.value as Role)}>
            {fitting.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="button button--primary"
          disabled={invite.busy || !email.trim() || !stakeholderId}
        >
          {t('manage.inviteSubmit')}
        </button>
      </form>
      {created && link && (
        <div className="notice notice--warning invitation-link" role="status">
          <p>{t('manage.linkOnce', { email: created.email })}</p>
          <label className="field">
            <span className="field__label">{t('manage.linkLabel')}</span>
            <input
              readOnly
              value={link}
              onFocus={(e) => e.target.select()}
              data-testid="invitation-link"
            />
          </label>
          <button
            type="button"
            className="button"
            onClick={() => void navigator.clipboard?.writeText(link).then(() => setCopied(true))}
          >
            {copied ? t('manage.copied') : t('manage.copy')}
          </button>
        </div>
      )}
      {invitations.error !== undefined && !invitations.data && (
        <LoadError error={invitations.error} retry={invitations.reload} />
      )}
      {!invitations.data && invitations.error === undefined && <Loading />}
      {invitations.data?.length === 0 && <p className="muted">{t('manage.noInvitations')}</p>}
      <ul className="plain-list">
        {invitations.data?.map((i) => (
          <li key={i.invitationId}>
            {t('manage.invitationLine', {
              email: i.email,
              stakeholder: i.stakeholder.shortCode ?? '',
              role: t(`role.${i.role}`),
            })}{' '}
            <span className={`badge badge--invite-${i.status}`}>
              {t(`manage.inviteStatus.${i.status}`)}
            </span>{' '}
            {i.status === 'pending' && (
              <span className="muted">
                {t('manage.expires', { date: formatDate(i.expiresAt) })}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function MemberRow({ member, onChanged }: { member: Member; onChanged: () => void }) {
  const { t } = useI18n();
  const { negotiation, stakeholders } = useNegotiation();
  const kind = stakeholders.get(member.stakeholderId)?.kind;
  const fitting = roles.filter((r) => !kind || roleFitsStakeholder(r, kind));
  const name = member.displayName ?? member.email ?? '';
  const change = useAction(
    async (role: Role) => {
      await api.changeMemberRole(negotiation.negotiationId, member.userId, role);
      onChanged();
    },
    () => t('manage.roleChanged'),
  );
  const revoke = useAction(
    async () => {
      await api.revokeMember(negotiation.negotiationId, member.userId);
      onChanged();
    },
    () => t('manage.revoked'),
  );
  const self = member.userId === negotiation.you.userId;
  return (
    <tr>
      <td>{name}</td>
      <td>
        <StakeholderChip stakeholder={member.stakeholder} />
      </td>
      <td>
        {member.status === 'revoked' ? (
          <span className="muted">{t('manage.memberRevoked')}</span>
        ) : (
          <select
            aria-label={t('manage.memberRole', { name })}
            value={member.role}
            disabled={self || change.busy}
            onChange={(e) => void change.run(e.target.value as Role)}
          >
            {fitting.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        )}
      </td>
      <td>
        {member.status === 'active' && !self && (
          <button
            type="button"
            className="button button--small button--danger"
            disabled={revoke.busy}
            onClick={() => {
              if (window.confirm(t('manage.revokeConfirm', { name }))) void revoke.run();
            }}
          >
            {t('manage.revoke')}
          </button>
        )}
      </td>
    </tr>
  );
}

function MembersSection() {
  const { t } = useI18n();
  const { negotiation } = useNegotiation();
  const negotiationId = negotiation.negotiationId;
  const id = useId();
  const members = useLiveResource(
    `members:${negotiationId}`,
    () => api.members(negotiationId),
    (n) => n.negotiationId === negotiationId && n.kind === 'member',
  );
  return (
    <section className="card manage__members" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('manage.members')}</h2>
      {members.error !== undefined && !members.data && (
        <LoadError error={members.error} retry={members.reload} />
      )}
      {!members.data && members.error === undefined && <Loading />}
      {members.data && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('manage.name')}</th>
              <th scope="col">{t('manage.actsFor')}</th>
              <th scope="col">{t('manage.role')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('manage.revoke')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.data.map((m) => (
              <MemberRow key={m.userId} member={m} onChanged={members.reload} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
