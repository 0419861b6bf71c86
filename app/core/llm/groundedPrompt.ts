import type { EntryStanding, KnowledgeEntry } from '../knowledge/knowledgeEntry.js';
import { scrubUtteranceForLlm } from '../nlu/scrubUtteranceForLlm.js';
import type { ChatMessage, FunctionTool } from './chatTypes.js';

export const GIVE_ANSWER_TOOL = 'give_answer';
export const CANNOT_ANSWER_TOOL = 'cannot_answer';

/** How each standing is put to the model; the last three must be passed on to the citizen. */
const standingLabels: Record<EntryStanding, string> = {
  qingdao: '青岛本地政策',
  national: '全国性规定（青岛的具体做法可能另有细则）',
  'other-province': '外省的规定，不是青岛的政策（回答时必须说明）',
  outdated: '资料可能已经过时（回答时必须说明）',
  unverified: '非官方资料，未经核实（回答时必须说明仅供参考）',
};

export const groundedSystemPrompt = [
  '你是青岛市人力资源和社会保障局服务大厅里的导办机器人，正在回答前来办事的市民的政策问题，很多市民是老年人。',
  '请严格遵守：',
  '1. 只能依据用户消息里 <entry> 标签中的知识条目回答，不能使用条目以外的知识，不能猜测，不能编造金额、日期、地点、电话或办理渠道。',
  `2. 如果这些条目回答不了市民的问题，调用 ${CANNOT_ANSWER_TOOL}，用一句话说明原因。`,
  `3. 能回答时调用 ${GIVE_ANSWER_TOOL}：`,
  '   - spoken：机器人要念出来的话。用简单、口语化的普通话，像当面跟老人家说话一样；最多三句话；不要列表、符号、英文缩写和网址。',
  '   - screen：显示在屏幕上的完整说明，可以分条写。',
  '   - citations：你依据的条目编号（<entry id="…"> 里的 id），至少一个，只能填给出的编号。',
  '4. 条目的“效力”如果是外省规定、可能已经过时或未经核实，spoken 和 screen 里都必须明白告诉市民，例如“这是外省的规定，青岛可能不一样”“这条信息可能已经过时”“这条信息仅供参考”。',
  '5. 如果你无法调用工具，就直接用文字回答，并在所依据的内容后面用【条目编号】标出来源，例如【pension-auth-online】。',
].join('\n');

/** One entry as the model sees it: everything it may rely on, and how far it may trust it. */
export function formatEntryForPrompt(entry: KnowledgeEntry): string {
  return [
    `<entry id="${entry.id}">`,
    `标题：${entry.title}`,
    `适用地区：${entry.region}`,
    `效力：${entry.standing}（${standingLabels[entry.standing]}）`,
    `资料日期：${entry.asOf}`,
    `内容：${entry.screen}`,
    '</entry>',
  ].join('\n');
}

export function buildGroundedMessages(question: string, entries: readonly KnowledgeEntry[]): ChatMessage[] {
  const user = [
    '可以依据的知识条目：',
    ...entries.map(formatEntryForPrompt),
    '',
    // The question goes last, after the material, where models weigh it most. It is scrubbed here too, whoever
    // asked: no ID, phone or card number and no name the citizen gave ever leaves the kiosk in a prompt. It is one
    // line, its angle brackets full-width, so a question cannot close the material or add an <entry> of its own.
    `市民的问题：${scrubUtteranceForLlm(question).replace(/\s+/g, ' ').trim().replace(/</g, '＜').replace(/>/g, '＞')}`,
  ].join('\n');
  return [
    { role: 'system', content: groundedSystemPrompt },
    { role: 'user', content: user },
  ];
}

/** The two ways the model may reply; citations are limited to the ids actually given. */
export function buildGroundedTools(entryIds: readonly string[]): FunctionTool[] {
  return [
    {
      type: 'function',
      function: {
        name: GIVE_ANSWER_TOOL,
        description: '依据给出的知识条目回答市民的问题。',
        parameters: {
          type: 'object',
          properties: {
            spoken: { type: 'string', description: '机器人念出来的话：口语化的普通话，最多三句话。' },
            screen: { type: 'string', description: '屏幕上显示的完整说明。' },
            citations: {
              type: 'array',
              description: '所依据的条目编号，至少一个。',
              items: { type: 'string', enum: [...entryIds] },
              minItems: 1,
            },
          },
          required: ['spoken', 'screen', 'citations'],
          additionalProperties: false,
        },
      },
    },
    {
      type: 'function',
      function: {
        name: CANNOT_ANSWER_TOOL,
        description: '给出的知识条目回答不了这个问题时调用。',
        parameters: {
          type: 'object',
          properties: { reason: { type: 'string', description: '为什么回答不了，一句话。' } },
          required: ['reason'],
          additionalProperties: false,
        },
      },
    },
  ];
}
