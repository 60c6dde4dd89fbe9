// The catalogue keys of a consultation's audience, identity and question kinds, spelt out so the
// i18n check sees each key the screens use.
import type { ConsultationAudience, ConsultationIdentity, QuestionKind } from '@accord/shared';

export const audienceKey = {
  public: 'consultation.audience.public',
  invited: 'consultation.audience.invited',
} as const satisfies Record<ConsultationAudience, string>;

export const identityKey = {
  identified: 'consultation.identity.identified',
  anonymous: 'consultation.identity.anonymous',
} as const satisfies Record<ConsultationIdentity, string>;

export const kindKey = {
  open: 'consultation.kind.open',
  single: 'consultation.kind.single',
  multiple: 'consultation.kind.multiple',
} as const satisfies Record<QuestionKind, string>;
