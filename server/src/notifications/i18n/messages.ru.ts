// Русские тексты писем-уведомлений (сообщения ICU).
import type { Catalogue } from './messages.en.js';

export const ru: Catalogue = {
  'subject.revision-issued': '{document}: выпущена {revision}',
  'body.revision-issued': 'Председатель выпустил {revision} документа «{document}».',
  'subject.deadline-approaching':
    '{document}: приближается срок {kind, select, amendments {поправок} other {позиций}}',
  'body.deadline-approaching':
    'Срок {kind, select, amendments {внесения поправок} other {изложения позиций}} по документу «{document}» истекает {until}.',
  'subject.silence-started': '{document}: процедура молчания до {until}',
  'body.silence-started':
    'Председатель применил процедуру молчания к {count, select, all {всему тексту} other {{count, plural, one {# пункту} few {# пунктам} many {# пунктам} other {# пункта}}}} документа «{document}» до {until}.',
  'subject.silence-broken': '{document}: {stakeholder} нарушает молчание',
  'body.silence-broken': '{stakeholder} нарушает молчание по документу «{document}».',
  'subject.silence-ended': '{document}: процедура молчания завершена',
  'body.silence-ended':
    'Процедура молчания по документу «{document}» завершена: {outcome, select, adopted {текст принят} broken {молчание нарушено} other {председатель её отозвал}}.',
  'subject.amendment-decided':
    '{document}: ваша поправка {outcome, select, accepted {принята} rejected {отклонена} other {объединена с другой}}',
  'body.amendment-decided':
    'Председатель {outcome, select, accepted {принял} rejected {отклонил} other {объединил с другой}} поправку вашей делегации к документу «{document}».',
  'subject.mentioned': '{document}: вас упомянули в комментарии',
  'body.mentioned': 'Вас упомянули в комментарии к документу «{document}».',
  'subject.position-requested': '{document}: председатель просит изложить позицию',
  'body.position-requested':
    'Председатель просит вашу делегацию изложить позицию по {target, select, amendment {поправке} other {пункту}} документа «{document}».',
  open: 'Открыть в Accord: {url}',
  'digest.subject':
    'Accord: {count, plural, one {# новость} few {# новости} many {# новостей} other {# новости}} за сегодня',
  'digest.intro': 'Вот что произошло в ваших переговорах со времени последней сводки.',
  footer: 'Вы получаете это письмо согласно настройкам уведомлений: {url}',
  'document.unknown': 'документ',
};
