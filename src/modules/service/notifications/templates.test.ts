import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  notificationChannels,
  notificationEvents,
  notificationLanguages,
} from '../../../contracts/notifications.ts';
import { defaultTemplate, eventPlaceholders, renderTemplate } from './templates.ts';

describe('notification templates', () => {
  it('has a built-in text for every event, language and channel using only known placeholders', () => {
    for (const event of notificationEvents)
      for (const language of notificationLanguages)
        for (const channel of notificationChannels) {
          const template = defaultTemplate(event, language, channel);
          assert.ok(template.body.length > 0, `${event}/${language}/${channel}`);
          for (const [, name] of `${template.subject} ${template.body}`.matchAll(/\{\{(\w+)\}\}/g))
            assert.ok(eventPlaceholders[event].includes(name!), `${event} uses {{${name}}}`);
        }
  });

  it('renders in both languages and leaves no braces for missing values', () => {
    const params = { number: 'OD-1', carrier: 'SF', trackingNumber: 'SF123', customerName: 'Fang' };
    const en = renderTemplate(defaultTemplate('shipped', 'en', 'email'), params);
    assert.equal(en.subject, 'Order OD-1 has shipped');
    assert.match(en.body, /with SF, tracking number SF123/);
    const zh = renderTemplate(defaultTemplate('shipped', 'zh-CN', 'sms'), params);
    assert.equal(zh.body, '订单 OD-1 已发货：SF SF123');
    assert.equal(renderTemplate({ subject: '{{nope}}x', body: '' }, {}).subject, 'x');
  });

  it('puts the reply token in every complaint mail subject, in both languages', () => {
    for (const event of ['complaint_opened', 'complaint_answered', 'complaint_resolved'] as const)
      for (const language of notificationLanguages) {
        const mail = renderTemplate(defaultTemplate(event, language, 'email'), { token: 'T0KEN123' });
        assert.match(mail.subject, /\[#T0KEN123\]/, `${event}/${language}`);
      }
    const zh = renderTemplate(defaultTemplate('complaint_answered', 'zh-CN', 'email'), {
      subject: '包裹破损',
      token: 'T0KEN123',
      reply: '请发照片',
    });
    assert.equal(zh.subject, '回复：包裹破损 [#T0KEN123]');
    assert.match(zh.body, /^请发照片\n[\s\S]*请直接回复本邮件/);
  });
});
