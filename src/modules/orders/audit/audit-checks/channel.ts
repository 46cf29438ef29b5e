import { z } from 'zod';
import { defineRule, ruleParams } from './rule.ts';

/**
 * Auto-approval paused for channels: every new order from one of them waits for a person. Risk
 * monitors switch a channel on here when its metrics cross a line, and off again on undo.
 */
export const channelPaused = defineRule({
  code: 'CHANNEL_PAUSED',
  title: { en: 'Auto-approval paused for the channel', 'zh-CN': '渠道暂停自动审核' },
  description: {
    en: 'Holds every new order from the listed channels for a person to review.',
    'zh-CN': '所列渠道的新订单一律转人工审核。',
  },
  params: ruleParams({ action: 'hold', riskPoints: 0 }, { channels: z.array(z.string().min(1)).default([]) }),
  explain(order, _ctx, params) {
    return params.channels.includes(order.channel)
      ? { key: 'hold.channelPaused', params: { channel: order.channel } }
      : null;
  },
});
