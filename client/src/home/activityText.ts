// An activity entry (what happened, as data from the server) in the reader's language, through
// the message catalogue: one sentence per entry, for the activity feed and the live toasts.
// Names the record does not know read as "a member", "a stakeholder"…; long names are cut short.
import type { ActivityDescription } from '@accord/shared';
import type { I18n } from '../i18n/i18n.js';

const MAX_NAME = 80;
const short = (text: string): string =>
  text.length > MAX_NAME ? `${text.slice(0, MAX_NAME - 1)}…` : text;

/** The first letter in upper case, as a sentence starts (names may be missing: "a member"). */
const sentence = (text: string): string => text.charAt(0).toLocaleUpperCase() + text.slice(1);

export function activityText(
  { t, formatList, formatDateTime }: Pick<I18n, 't' | 'formatList' | 'formatDateTime'>,
  activity: ActivityDescription,
): string {
  const person = (name: string | undefined) =>
    name === undefined ? t('activityEntry.someone') : short(name);
  const party = (name: string | undefined) =>
    name === undefined ? t('activityEntry.someStakeholder') : short(name);
  const doc = (title: string | undefined) =>
    title === undefined
      ? t('activityEntry.someDocument')
      : t('activityEntry.quoted', { title: short(title) });
  const roundtable = (theme: string | undefined) =>
    theme === undefined
      ? t('activityEntry.someRoundtable')
      : t('activityEntry.quoted', { title: short(theme) });
  // A recommendation's, consultation's or pledge's title; the sentence names the noun itself.
  const quoted = (title: string | undefined) =>
    t('activityEntry.quoted', { title: title === undefined ? '…' : short(title) });
  const amendment = (named: { sponsor?: string | undefined; chairsCompromise?: boolean }) =>
    named.chairsCompromise
      ? t('activityEntry.chairsCompromise')
      : t('activityEntry.amendmentBy', { sponsor: party(named.sponsor) });
  return sentence(say());

  function say(): string {
    switch (activity.type) {
      case 'NegotiationOpened':
        return t('activityEntry.NegotiationOpened', {
          actor: person(activity.params.actor),
          title: doc(activity.params.title),
        });
      case 'StakeholderRegistered':
        return t('activityEntry.StakeholderRegistered', {
          stakeholder: party(activity.params.stakeholder),
          code: activity.params.code ?? '',
          kind: t(`activityEntry.kind.${activity.params.stakeholderKind}`),
        });
      case 'ChairsAppointed': {
        const { people, count } = activity.params;
        const names = people.length > 0 ? people.map(short) : [t('activityEntry.someone')];
        return t('activityEntry.ChairsAppointed', {
          count,
          people: formatList(names),
        });
      }
      case 'MemberInvited':
        return t('activityEntry.MemberInvited', {
          stakeholder: party(activity.params.stakeholder),
          role: t(`activityEntry.role.${activity.params.role}`),
        });
      case 'InvitationAccepted':
        return t('activityEntry.InvitationAccepted', { actor: person(activity.params.actor) });
      case 'MemberAdmitted':
        return t('activityEntry.MemberAdmitted', {
          actor: person(activity.params.actor),
          stakeholder: party(activity.params.stakeholder),
          role: t(`activityEntry.role.${activity.params.role}`),
        });
      case 'MemberRoleChanged':
        return t('activityEntry.MemberRoleChanged', {
          actor: person(activity.params.actor),
          role: t(`activityEntry.role.${activity.params.role}`),
          previousRole: t(`activityEntry.role.${activity.params.previousRole}`),
        });
      case 'MemberRevoked':
        return t('activityEntry.MemberRevoked', {
          actor: person(activity.params.actor),
          stakeholder: party(activity.params.stakeholder),
        });
      case 'DocumentCreated':
        return t('activityEntry.DocumentCreated', {
          actor: person(activity.params.actor),
          symbol: short(activity.params.symbol ?? ''),
          title: doc(activity.params.title),
          mode: t(`activityEntry.mode.${activity.params.mode}`),
        });
      case 'DocumentModeChanged':
        return t('activityEntry.DocumentModeChanged', {
          title: doc(activity.params.title),
          mode: t(`activityEntry.mode.${activity.params.mode}`),
        });
      case 'ParagraphStatusSet':
        return t(`activityEntry.ParagraphStatusSet.${activity.params.status}`, {
          actor: person(activity.params.actor),
          title: doc(activity.params.title),
        });
      case 'RevisionIssued':
      case 'DocumentAdopted':
        return t(`activityEntry.${activity.type}`, {
          title: doc(activity.params.title),
          label: short(activity.params.label ?? ''),
        });
      case 'AmendmentTabled':
        return activity.params.chairsCompromise
          ? t('activityEntry.AmendmentTabled.compromise', { title: doc(activity.params.title) })
          : t('activityEntry.AmendmentTabled', {
              sponsor: party(activity.params.sponsor),
              kind: t(`activityEntry.amendmentKind.${activity.params.amendmentKind}`),
              title: doc(activity.params.title),
            });
      case 'AmendmentCosponsored':
        return t('activityEntry.AmendmentCosponsored', {
          stakeholder: party(activity.params.stakeholder),
          amendment: amendment(activity.params),
        });
      case 'AmendmentRevised':
      case 'AmendmentWithdrawn':
      case 'AmendmentAccepted':
      case 'AmendmentRejected':
      case 'AmendmentMerged':
        return t(`activityEntry.${activity.type}`, { amendment: amendment(activity.params) });
      case 'AmendmentRestored':
        return t('activityEntry.AmendmentRestored', {
          amendment: amendment(activity.params),
          reason: short(activity.params.reason),
        });
      case 'PositionStated':
      case 'PositionWithdrawn': {
        const target =
          activity.params.on === 'paragraph'
            ? t('activityEntry.paragraphOf', { title: doc(activity.params.title) })
            : amendment(activity.params);
        const stakeholder = party(activity.params.stakeholder);
        return activity.type === 'PositionStated'
          ? t(`activityEntry.PositionStated.${activity.params.stance}`, { stakeholder, target })
          : t('activityEntry.PositionWithdrawn', { stakeholder, target });
      }
      case 'CommentPosted':
      case 'CommentReplied':
        return t(`activityEntry.${activity.type}`, {
          actor: person(activity.params.actor),
          stakeholder: party(activity.params.stakeholder),
          title: doc(activity.params.title),
        });
      case 'CommentResolved':
      case 'CommentReopened':
        return t(`activityEntry.${activity.type}`, {
          actor: person(activity.params.actor),
          title: doc(activity.params.title),
        });
      case 'RoundtableScheduled':
      case 'RoundtableCoverageChanged':
      case 'RoundtableConcluded':
        return t(`activityEntry.${activity.type}`, {
          actor: person(activity.params.actor),
          theme: roundtable(activity.params.theme),
        });
      case 'RoundtableDraftEdited':
      case 'RoundtableDraftSigned':
        return t(`activityEntry.${activity.type}`, {
          stakeholder: party(activity.params.stakeholder),
          theme: roundtable(activity.params.theme),
        });
      case 'RoundtablePaperIssued':
        return t('activityEntry.RoundtablePaperIssued', {
          actor: person(activity.params.actor),
          theme: roundtable(activity.params.theme),
          version: activity.params.version,
        });
      // Deadlines and the silence procedure; instants in the reader's zone, with the chair's.
      case 'DeadlineSet':
        return t('activityEntry.DeadlineSet', {
          actor: person(activity.params.actor),
          kind: activity.params.deadlineKind,
          title: doc(activity.params.title),
          deadline: formatDateTime(activity.params.deadline),
          timeZone: activity.params.timeZone,
        });
      case 'DeadlineCleared':
        return t('activityEntry.DeadlineCleared', {
          actor: person(activity.params.actor),
          kind: activity.params.deadlineKind,
          title: doc(activity.params.title),
        });
      case 'SilenceStarted': {
        const { paragraphs } = activity.params;
        const facts = {
          actor: person(activity.params.actor),
          title: doc(activity.params.title),
          until: formatDateTime(activity.params.until),
          timeZone: activity.params.timeZone,
        };
        return paragraphs === undefined
          ? t('activityEntry.SilenceStarted', facts)
          : t('activityEntry.SilenceStarted.paragraphs', { ...facts, count: paragraphs });
      }
      case 'SilenceBroken':
        return t('activityEntry.SilenceBroken', {
          stakeholder: party(activity.params.stakeholder),
          title: doc(activity.params.title),
        });
      case 'SilenceEnded':
        return t('activityEntry.SilenceEnded', {
          title: doc(activity.params.title),
          outcome: activity.params.outcome,
        });
      // Recommendations, consultations and pledges; titles are quoted as written.
      case 'RecommendationSubmitted':
      case 'RecommendationEndorsed':
      case 'RecommendationWithdrawn':
        return t(`activityEntry.${activity.type}`, {
          stakeholder: party(activity.params.stakeholder),
          recommendation: quoted(activity.params.recommendation),
        });
      case 'RecommendationTakenUp':
        return t('activityEntry.RecommendationTakenUp', {
          stakeholder: party(activity.params.stakeholder),
          organisation: party(activity.params.organisation),
          recommendation: quoted(activity.params.recommendation),
        });
      case 'ConsultationOpened':
        return t('activityEntry.ConsultationOpened', {
          actor: person(activity.params.actor),
          consultation: quoted(activity.params.consultation),
          title: doc(activity.params.title),
          label: activity.params.label ?? '',
        });
      case 'ConsultationAnswered':
        return t('activityEntry.ConsultationAnswered', {
          consultation: quoted(activity.params.consultation),
        });
      case 'ConsultationClosed':
        return t('activityEntry.ConsultationClosed', {
          actor: person(activity.params.actor),
          consultation: quoted(activity.params.consultation),
        });
      case 'PledgeRegistered':
        return t('activityEntry.PledgeRegistered', {
          pledger: party(activity.params.pledger),
          pledge: quoted(activity.params.pledge),
          title: doc(activity.params.title),
        });
      case 'PledgeRevised':
      case 'PledgeWithdrawn':
        return t(`activityEntry.${activity.type}`, {
          pledger: party(activity.params.pledger),
          pledge: quoted(activity.params.pledge),
        });
      case 'PledgeProgressReported':
        return t('activityEntry.PledgeProgressReported', {
          pledger: party(activity.params.pledger),
          pledge: quoted(activity.params.pledge),
          status: t(`pledge.standing.${activity.params.status}`),
        });
      default:
        // A type this client does not know yet (a newer server): better silent than wrong.
        return '';
    }
  }
}
