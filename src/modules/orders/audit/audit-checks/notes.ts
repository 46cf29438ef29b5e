import type { Explanation } from '../../../../contracts/explanations.ts';
import { defineRule, phraseList, ruleParams } from './rule.ts';

interface NoteParams {
  keywords: string[];
  ignore: string[];
}

// What is left of a note once ignored phrases are cut out is "nothing" when only punctuation,
// symbols and spaces remain: "请尽快发货，谢谢" is two ignored phrases and a comma.
const filler = /[\p{P}\p{S}\p{Z}\s]/gu;
const quoted = (note: string) => `"${note.length > 120 ? `${note.slice(0, 120)}…` : note}"`;

/** Null when the note needs nobody; otherwise the explanation of why someone should read it. */
function noteProblem(
  key: 'hold.buyerNote' | 'hold.sellerNote',
  note: string | null,
  params: NoteParams,
): Explanation | null {
  if (note === null || note.trim() === '') return null;
  let rest = note.toLowerCase();
  // Longest first, so that "请尽快发货" is cut whole before "尽快发货" leaves a stray "请".
  const ignored = params.ignore.map((p) => p.toLowerCase()).sort((a, b) => b.length - a.length);
  for (const phrase of ignored) rest = rest.split(phrase).join(' ');
  if (rest.replace(filler, '') === '') return null;
  if (params.keywords.length === 0) return { key, params: { note: quoted(note) } };
  const keyword = params.keywords.find((k) => rest.includes(k.toLowerCase()));
  return keyword === undefined ? null : { key: `${key}Keyword`, params: { keyword, note: quoted(note) } };
}

function noteParams(ignore: string[]) {
  return ruleParams(
    { action: 'hold', riskPoints: 0 },
    {
      /** When non-empty, only notes containing one of these hold. */
      keywords: phraseList.default([]),
      /** Phrases that never need a person, whatever else surrounds them. */
      ignore: phraseList.default(ignore),
    },
  );
}

export const buyerNote = defineRule({
  code: 'BUYER_NOTE',
  title: { en: 'Buyer note', 'zh-CN': '买家留言' },
  description: {
    en: 'Holds orders with a buyer note so that someone reads it; set keywords to hold only notes that mention them, and phrases to ignore.',
    'zh-CN': '有买家留言的订单将被拦截以便人工查看；可设置关键词（只拦截含关键词的留言）和忽略的短语。',
  },
  params: noteParams([
    '请尽快发货',
    '尽快发货',
    '谢谢',
    'please ship soon',
    'please ship asap',
    'thank you',
    'thanks',
  ]),
  explain: (order, _ctx, params) => noteProblem('hold.buyerNote', order.buyerNote, params),
});

export const sellerNote = defineRule({
  code: 'SELLER_NOTE',
  title: { en: 'Seller memo', 'zh-CN': '卖家备注' },
  description: {
    en: 'Holds orders with a seller memo so that someone acts on it; keywords and ignored phrases as for buyer notes.',
    'zh-CN': '有卖家备注的订单将被拦截以便人工处理；关键词和忽略短语的用法同买家留言。',
  },
  params: noteParams([]),
  explain: (order, _ctx, params) => noteProblem('hold.sellerNote', order.sellerNote, params),
});
