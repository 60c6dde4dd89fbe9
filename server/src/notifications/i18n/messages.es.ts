// Textos en español de los correos de notificación (mensajes ICU).
import type { Catalogue } from './messages.en.js';

export const es: Catalogue = {
  'subject.revision-issued': '{document}: se ha publicado la {revision}',
  'body.revision-issued': 'La presidencia ha publicado la {revision} de «{document}».',
  'subject.deadline-approaching':
    '{document}: se acerca el plazo {kind, select, amendments {de enmiendas} other {de posiciones}}',
  'body.deadline-approaching':
    'El plazo para {kind, select, amendments {presentar enmiendas} other {expresar posiciones}} sobre «{document}» vence el {until}.',
  'subject.silence-started': '{document}: procedimiento de silencio hasta el {until}',
  'body.silence-started':
    'La presidencia ha sometido {count, select, all {todo el texto} other {{count, plural, one {# párrafo} other {# párrafos}}}} de «{document}» a un procedimiento de silencio hasta el {until}.',
  'subject.silence-broken': '{document}: {stakeholder} ha roto el silencio',
  'body.silence-broken': '{stakeholder} ha roto el silencio sobre «{document}».',
  'subject.silence-ended': '{document}: ha terminado el procedimiento de silencio',
  'body.silence-ended':
    'El procedimiento sobre «{document}» ha terminado: {outcome, select, adopted {el texto quedó aprobado} broken {se rompió el silencio} other {la presidencia lo retiró}}.',
  'subject.amendment-decided':
    '{document}: su enmienda fue {outcome, select, accepted {aceptada} rejected {rechazada} other {fusionada}}',
  'body.amendment-decided':
    'La presidencia {outcome, select, accepted {aceptó} rejected {no aceptó} other {fusionó con otra}} la enmienda que su delegación patrocina en «{document}».',
  'subject.mentioned': '{document}: le han mencionado en un comentario',
  'body.mentioned': 'Alguien le ha mencionado en un comentario sobre «{document}».',
  'subject.position-requested': '{document}: la presidencia pide su posición',
  'body.position-requested':
    'La presidencia pide a su delegación su posición sobre {target, select, amendment {una enmienda} other {un párrafo}} de «{document}».',
  open: 'Abrir en Accord: {url}',
  'digest.subject': 'Accord: {count, plural, one {# novedad} other {# novedades}} hoy',
  'digest.intro': 'Esto es lo que ha pasado en sus negociaciones desde el último resumen.',
  footer: 'Recibe este correo según sus preferencias de notificación: {url}',
  'document.unknown': 'un documento',
};
