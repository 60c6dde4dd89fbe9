// 通知邮件的中文文本（ICU 消息）。
import type { Catalogue } from './messages.en.js';

export const zh: Catalogue = {
  'subject.revision-issued': '{document}：{revision} 已发布',
  'body.revision-issued': '主席已发布《{document}》的 {revision}。',
  'subject.deadline-approaching':
    '{document}：{kind, select, amendments {修正案} other {立场}}截止时间临近',
  'body.deadline-approaching':
    '《{document}》{kind, select, amendments {提交修正案} other {表明立场}}的截止时间为 {until}。',
  'subject.silence-started': '{document}：默许程序至 {until}',
  'body.silence-started':
    '主席已将《{document}》的{count, select, all {全文} other {{count, plural, other {# 个段落}}}}置于默许程序之下，截止 {until}。',
  'subject.silence-broken': '{document}：{stakeholder} 打破了沉默',
  'body.silence-broken': '{stakeholder} 就《{document}》打破了沉默。',
  'subject.silence-ended': '{document}：默许程序已结束',
  'body.silence-ended':
    '《{document}》的默许程序已结束：{outcome, select, adopted {案文获得通过} broken {沉默被打破} other {主席撤回了程序}}。',
  'subject.amendment-decided':
    '{document}：您的修正案{outcome, select, accepted {已被接受} rejected {未被接受} other {已被合并}}',
  'body.amendment-decided':
    '主席{outcome, select, accepted {接受了} rejected {未接受} other {合并了}}贵代表团就《{document}》提出的修正案。',
  'subject.mentioned': '{document}：有人在评论中提到了您',
  'body.mentioned': '有人在《{document}》的评论中提到了您。',
  'subject.position-requested': '{document}：主席请您表明立场',
  'body.position-requested':
    '主席请贵代表团就《{document}》的{target, select, amendment {一项修正案} other {一个段落}}表明立场。',
  open: '在 Accord 中打开：{url}',
  'digest.subject': 'Accord：今天有 {count} 条更新',
  'digest.intro': '以下是自上次摘要以来您参与的谈判中的动态。',
  footer: '您根据通知设置收到此邮件：{url}',
  'document.unknown': '一份文件',
};
