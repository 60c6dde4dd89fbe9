// نصوص رسائل الإشعارات بالعربية (رسائل ICU).
import type { Catalogue } from './messages.en.js';

export const ar: Catalogue = {
  'subject.revision-issued': '{document}: صدرت {revision}',
  'body.revision-issued': 'أصدر الرئيس {revision} من «{document}».',
  'subject.deadline-approaching':
    '{document}: اقترب الموعد النهائي {kind, select, amendments {للتعديلات} other {للمواقف}}',
  'body.deadline-approaching':
    'الموعد النهائي {kind, select, amendments {لتقديم التعديلات} other {لإبداء المواقف}} بشأن «{document}» هو {until}.',
  'subject.silence-started': '{document}: إجراء الصمت حتى {until}',
  'body.silence-started':
    'وضع الرئيس {count, select, all {النص كله} other {{count, plural, zero {# فقرة} one {فقرة واحدة} two {فقرتين} few {# فقرات} many {# فقرة} other {# فقرة}}}} من «{document}» تحت إجراء الصمت حتى {until}.',
  'subject.silence-broken': '{document}: كسر {stakeholder} الصمت',
  'body.silence-broken': 'كسر {stakeholder} الصمت بشأن «{document}».',
  'subject.silence-ended': '{document}: انتهى إجراء الصمت',
  'body.silence-ended':
    'انتهى إجراء الصمت بشأن «{document}»: {outcome, select, adopted {اعتُمد النص} broken {كُسر الصمت} other {سحبه الرئيس}}.',
  'subject.amendment-decided':
    '{document}: {outcome, select, accepted {قُبل تعديلكم} rejected {لم يُقبل تعديلكم} other {دُمج تعديلكم}}',
  'body.amendment-decided':
    '{outcome, select, accepted {قبل الرئيس} rejected {لم يقبل الرئيس} other {دمج الرئيس في تعديل آخر}} التعديل الذي يقدمه وفدكم بشأن «{document}».',
  'subject.mentioned': '{document}: ذُكر اسمك في تعليق',
  'body.mentioned': 'ذكرك أحدهم في تعليق على «{document}».',
  'subject.position-requested': '{document}: يطلب الرئيس موقفكم',
  'body.position-requested':
    'يطلب الرئيس من وفدكم موقفه من {target, select, amendment {تعديل} other {فقرة}} في «{document}».',
  open: 'افتح في Accord: {url}',
  'digest.subject':
    'Accord: {count, plural, zero {لا مستجدات} one {مستجد واحد} two {مستجدان} few {# مستجدات} many {# مستجدًا} other {# مستجد}} اليوم',
  'digest.intro': 'هذا ما جرى في مفاوضاتك منذ الملخص الأخير.',
  footer: 'تصلك هذه الرسالة بحسب تفضيلات الإشعارات لديك: {url}',
  'document.unknown': 'وثيقة',
};
