import type {
  NotificationChannel,
  NotificationEvent,
  NotificationLanguage,
} from '../../../contracts/notifications.ts';

export interface MessageText {
  subject: string;
  body: string;
}

type Texts = Record<NotificationLanguage, { subject: string; mail: string; short: string }>;

/** Placeholders every template may use; some events add their own. */
const common = ['number', 'customerName', 'trackUrl', 'shop'];

export const eventPlaceholders: Record<NotificationEvent, string[]> = {
  received: common,
  approved: common,
  held: common,
  shipped: [...common, 'carrier', 'trackingNumber'],
  out_for_delivery: [...common, 'carrier', 'trackingNumber'],
  delivered: common,
  exception: [...common, 'problem'],
  refund_issued: [...common, 'amount', 'currency'],
  // The complaint mails: `token` is the reply token the subject must keep ([#{{token}}]).
  complaint_opened: [...common, 'subject', 'token', 'message'],
  complaint_answered: [...common, 'complaintId', 'subject', 'token', 'reply'],
  complaint_resolved: [...common, 'subject', 'token', 'resolution', 'rateUrl'],
  message: [...common, 'subject', 'text'],
};

const builtIn: Record<NotificationEvent, Texts> = {
  received: {
    en: {
      subject: 'We received your order {{number}}',
      mail: 'Hello {{customerName}},\n\nThank you: we received your order {{number}} and are checking it now.\nFollow it here: {{trackUrl}}\n\n{{shop}}',
      short: 'Order {{number}} received. Track: {{trackUrl}}',
    },
    'zh-CN': {
      subject: '我们已收到您的订单 {{number}}',
      mail: '{{customerName}}，您好：\n\n感谢您的购买，我们已收到订单 {{number}}，正在审核。\n查看进度：{{trackUrl}}\n\n{{shop}}',
      short: '订单 {{number}} 已收到。查询：{{trackUrl}}',
    },
  },
  approved: {
    en: {
      subject: 'Order {{number}} is confirmed',
      mail: 'Hello {{customerName}},\n\nYour order {{number}} is confirmed and goes to our warehouse.\n{{trackUrl}}\n\n{{shop}}',
      short: 'Order {{number}} confirmed.',
    },
    'zh-CN': {
      subject: '订单 {{number}} 已确认',
      mail: '{{customerName}}，您好：\n\n您的订单 {{number}} 已审核通过，正在安排发货。\n{{trackUrl}}\n\n{{shop}}',
      short: '订单 {{number}} 已确认。',
    },
  },
  held: {
    en: {
      subject: 'Order {{number}} needs a check',
      mail: 'Hello {{customerName}},\n\nYour order {{number}} is being checked by our team before it ships; we will contact you if we need anything.\n{{trackUrl}}\n\n{{shop}}',
      short: 'Order {{number}} is being checked before shipping.',
    },
    'zh-CN': {
      subject: '订单 {{number}} 正在复核',
      mail: '{{customerName}}，您好：\n\n您的订单 {{number}} 正在人工复核，如需您确认信息我们会联系您。\n{{trackUrl}}\n\n{{shop}}',
      short: '订单 {{number}} 正在复核。',
    },
  },
  shipped: {
    en: {
      subject: 'Order {{number}} has shipped',
      mail: 'Hello {{customerName}},\n\nYour order {{number}} is on its way with {{carrier}}, tracking number {{trackingNumber}}.\nFollow it here: {{trackUrl}}\n\n{{shop}}',
      short: 'Order {{number}} shipped: {{carrier}} {{trackingNumber}}',
    },
    'zh-CN': {
      subject: '订单 {{number}} 已发货',
      mail: '{{customerName}}，您好：\n\n您的订单 {{number}} 已由{{carrier}}发出，运单号 {{trackingNumber}}。\n查看物流：{{trackUrl}}\n\n{{shop}}',
      short: '订单 {{number}} 已发货：{{carrier}} {{trackingNumber}}',
    },
  },
  out_for_delivery: {
    en: {
      subject: 'Order {{number}} arrives today',
      mail: 'Hello {{customerName}},\n\n{{carrier}} is delivering your order {{number}} today (tracking {{trackingNumber}}).\n\n{{shop}}',
      short: 'Order {{number}} is out for delivery today.',
    },
    'zh-CN': {
      subject: '订单 {{number}} 今日派送',
      mail: '{{customerName}}，您好：\n\n{{carrier}}今天派送您的订单 {{number}}（运单号 {{trackingNumber}}），请保持电话畅通。\n\n{{shop}}',
      short: '订单 {{number}} 今日派送，请保持电话畅通。',
    },
  },
  delivered: {
    en: {
      subject: 'Order {{number}} was delivered',
      mail: 'Hello {{customerName}},\n\nYour order {{number}} was delivered. We hope you enjoy it.\n\n{{shop}}',
      short: 'Order {{number}} delivered.',
    },
    'zh-CN': {
      subject: '订单 {{number}} 已签收',
      mail: '{{customerName}}，您好：\n\n您的订单 {{number}} 已签收，祝您使用愉快。\n\n{{shop}}',
      short: '订单 {{number}} 已签收。',
    },
  },
  exception: {
    en: {
      subject: 'A delay with order {{number}}',
      mail: 'Hello {{customerName}},\n\nThere is a problem with the delivery of your order {{number}} ({{problem}}). We are on it and will keep you informed.\n{{trackUrl}}\n\n{{shop}}',
      short: 'Order {{number}}: delivery problem ({{problem}}); we are on it.',
    },
    'zh-CN': {
      subject: '订单 {{number}} 配送异常',
      mail: '{{customerName}}，您好：\n\n您的订单 {{number}} 配送出现异常（{{problem}}），我们正在处理，并会及时告知进展。\n{{trackUrl}}\n\n{{shop}}',
      short: '订单 {{number}} 配送异常（{{problem}}），我们正在处理。',
    },
  },
  refund_issued: {
    en: {
      subject: 'Refund for order {{number}}',
      mail: 'Hello {{customerName}},\n\nWe refunded {{amount}} {{currency}} for your order {{number}}.\n\n{{shop}}',
      short: 'Refund of {{amount}} {{currency}} for order {{number}} issued.',
    },
    'zh-CN': {
      subject: '订单 {{number}} 已退款',
      mail: '{{customerName}}，您好：\n\n订单 {{number}} 的退款 {{amount}} {{currency}} 已原路退回。\n\n{{shop}}',
      short: '订单 {{number}} 已退款 {{amount}} {{currency}}。',
    },
  },
  complaint_opened: {
    en: {
      subject: 'We received your request: {{subject}} [#{{token}}]',
      mail: 'Hello {{customerName}},\n\nThank you for telling us. We recorded your request and will answer soon.\n\nYou wrote:\n{{message}}\n\nReply to this mail to add anything.\n\n{{shop}}',
      short: 'We received your request about order {{number}}.',
    },
    'zh-CN': {
      subject: '我们已收到您的反馈：{{subject}} [#{{token}}]',
      mail: '{{customerName}}，您好：\n\n感谢您的反馈，我们已记录，会尽快答复您。\n\n您的留言：\n{{message}}\n\n如需补充，请直接回复本邮件。\n\n{{shop}}',
      short: '我们已收到您关于订单 {{number}} 的反馈。',
    },
  },
  // The mail is the answer itself (sent by the complaint, with its token); SMS and webhook only say so.
  complaint_answered: {
    en: {
      subject: 'Re: {{subject}} [#{{token}}]',
      mail: '{{reply}}\n\n—\nReply to this mail to continue the conversation.\n{{shop}}',
      short: 'We answered your request about order {{number}}; please see your e-mail.',
    },
    'zh-CN': {
      subject: '回复：{{subject}} [#{{token}}]',
      mail: '{{reply}}\n\n—\n如需继续沟通，请直接回复本邮件。\n{{shop}}',
      short: '您关于订单 {{number}} 的反馈已回复，请查收邮件。',
    },
  },
  complaint_resolved: {
    en: {
      subject: 'Resolved: {{subject}} [#{{token}}]',
      mail: 'Hello {{customerName}},\n\n{{resolution}}\n\nHow did we do? Rate the resolution from 1 to 5:\n{{rateUrl}}\n\n{{shop}}',
      short: 'Your request about order {{number}} is resolved.',
    },
    'zh-CN': {
      subject: '已处理：{{subject}} [#{{token}}]',
      mail: '{{customerName}}，您好：\n\n{{resolution}}\n\n您对本次处理满意吗？请打分（1–5 分）：\n{{rateUrl}}\n\n{{shop}}',
      short: '您关于订单 {{number}} 的反馈已处理完毕。',
    },
  },
  message: {
    en: { subject: '{{subject}}', mail: '{{text}}\n\n{{shop}}', short: '{{text}}' },
    'zh-CN': { subject: '{{subject}}', mail: '{{text}}\n\n{{shop}}', short: '{{text}}' },
  },
};

/** The built-in text: mail gets the long one, SMS and webhook the short one. */
export function defaultTemplate(
  event: NotificationEvent,
  language: NotificationLanguage,
  channel: NotificationChannel,
): MessageText {
  const texts = builtIn[event][language];
  return { subject: texts.subject, body: channel === 'email' ? texts.mail : texts.short };
}

/** Fills `{{name}}` placeholders; an unknown or missing one renders empty rather than leaking braces. */
export function renderTemplate(
  template: MessageText,
  params: Record<string, string | undefined>,
): MessageText {
  const fill = (text: string) =>
    text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => params[name] ?? '');
  return { subject: fill(template.subject), body: fill(template.body) };
}
