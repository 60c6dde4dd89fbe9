// English e-mail texts for notifications, as ICU messages; the other languages copy these keys.
export const en = {
  'subject.revision-issued': '{document}: {revision} has been issued',
  'body.revision-issued': 'The chair has issued {revision} of “{document}”.',
  'subject.deadline-approaching':
    '{document}: the deadline for {kind, select, amendments {amendments} other {positions}} is near',
  'body.deadline-approaching':
    'The deadline for {kind, select, amendments {tabling amendments} other {stating positions}} on “{document}” is {until}.',
  'subject.silence-started': '{document}: silence procedure until {until}',
  'body.silence-started':
    'The chair has put {count, select, all {the whole text} other {{count, plural, one {# paragraph} other {# paragraphs}}}} of “{document}” under a silence procedure until {until}.',
  'subject.silence-broken': '{document}: silence broken by {stakeholder}',
  'body.silence-broken': '{stakeholder} has broken silence on “{document}”.',
  'subject.silence-ended': '{document}: the silence procedure has ended',
  'body.silence-ended':
    'The silence procedure on “{document}” has ended: {outcome, select, adopted {the text was adopted} broken {silence was broken} other {the chair withdrew it}}.',
  'subject.amendment-decided':
    '{document}: your amendment was {outcome, select, accepted {accepted} rejected {not accepted} other {merged}}',
  'body.amendment-decided':
    'The chair {outcome, select, accepted {accepted} rejected {did not accept} other {merged into another}} the amendment your delegation sponsors on “{document}”.',
  'subject.mentioned': '{document}: you were mentioned in a comment',
  'body.mentioned': 'Someone mentioned you in a comment on “{document}”.',
  'subject.position-requested': '{document}: the chair asks for your position',
  'body.position-requested':
    'The chair asks your delegation for its position on {target, select, amendment {an amendment} other {a paragraph}} of “{document}”.',
  open: 'Open in Accord: {url}',
  'digest.subject': 'Accord: {count, plural, one {# update} other {# updates}} today',
  'digest.intro': 'Here is what happened in your negotiations since the last digest.',
  footer: 'You receive this because of your notification settings: {url}',
  'document.unknown': 'a document',
} as const;

export type MessageKey = keyof typeof en;
export type Catalogue = Readonly<Record<MessageKey, string>>;
