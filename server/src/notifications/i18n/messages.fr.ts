// Textes français des e-mails de notification (messages ICU).
import type { Catalogue } from './messages.en.js';

export const fr: Catalogue = {
  'subject.revision-issued': '{document} : la {revision} est publiée',
  'body.revision-issued': 'La présidence a publié la {revision} de « {document} ».',
  'subject.deadline-approaching':
    '{document} : la date limite {kind, select, amendments {des amendements} other {des positions}} approche',
  'body.deadline-approaching':
    'La date limite pour {kind, select, amendments {déposer des amendements} other {exprimer une position}} sur « {document} » est le {until}.',
  'subject.silence-started': '{document} : procédure d’approbation tacite jusqu’au {until}',
  'body.silence-started':
    'La présidence a soumis {count, select, all {tout le texte} other {{count, plural, one {# paragraphe} other {# paragraphes}}}} de « {document} » à une procédure d’approbation tacite jusqu’au {until}.',
  'subject.silence-broken': '{document} : silence rompu par {stakeholder}',
  'body.silence-broken': '{stakeholder} a rompu le silence sur « {document} ».',
  'subject.silence-ended': '{document} : la procédure d’approbation tacite est close',
  'body.silence-ended':
    'La procédure sur « {document} » est close : {outcome, select, adopted {le texte est adopté} broken {le silence a été rompu} other {la présidence l’a retirée}}.',
  'subject.amendment-decided':
    '{document} : votre amendement a été {outcome, select, accepted {accepté} rejected {refusé} other {fusionné}}',
  'body.amendment-decided':
    'La présidence a {outcome, select, accepted {accepté} rejected {refusé} other {fusionné avec un autre}} l’amendement que votre délégation parraine sur « {document} ».',
  'subject.mentioned': '{document} : vous êtes cité dans un commentaire',
  'body.mentioned': 'Quelqu’un vous a cité dans un commentaire sur « {document} ».',
  'subject.position-requested': '{document} : la présidence demande votre position',
  'body.position-requested':
    'La présidence demande à votre délégation sa position sur {target, select, amendment {un amendement} other {un paragraphe}} de « {document} ».',
  open: 'Ouvrir dans Accord : {url}',
  'digest.subject': 'Accord : {count, plural, one {# nouvelle} other {# nouvelles}} aujourd’hui',
  'digest.intro': 'Voici ce qui s’est passé dans vos négociations depuis le dernier résumé.',
  footer: 'Vous recevez ce message selon vos préférences de notification : {url}',
  'document.unknown': 'un document',
};
