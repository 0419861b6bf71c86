import { z } from 'zod';
import type { KnowledgeEntry } from '../knowledge/knowledgeEntry.js';
import type { ChatCompletionResult, ToolCall } from './chatTypes.js';
import type { ChatClient } from './chatCompletionClient.js';
import { extractCitationMarkers, stripCitationMarkers } from './citationMarkers.js';
import { buildGroundedMessages, buildGroundedTools, CANNOT_ANSWER_TOOL, GIVE_ANSWER_TOOL } from './groundedPrompt.js';
import { limitSentences, toSpeakableText } from './spokenSentences.js';

/**
 * What the model made of the question. Anything but `answer` sends the kiosk back to its own
 * knowledge-base reply; `rejected` means the model replied but not in a way we may repeat to a citizen.
 * Transport failures are not values here: they are thrown as LlmError.
 */
export type GroundedAnswer =
  | { kind: 'answer'; spoken: string; screen: string; citations: string[] }
  | { kind: 'cannot-answer'; reason: string }
  | { kind: 'rejected'; reason: string };

export interface ComposeGroundedAnswerInput {
  client: Pick<ChatClient, 'complete'>;
  question: string;
  /** The retrieved entries; the model may use these and nothing else. */
  entries: readonly KnowledgeEntry[];
  signal?: AbortSignal;
}

export const MAX_SPOKEN_SENTENCES = 3;

const giveAnswerArgsSchema = z.object({
  spoken: z.string(),
  screen: z.string(),
  citations: z.array(z.string()),
});

const cannotAnswerArgsSchema = z.object({ reason: z.string().trim().min(1) });

/** Asks the government LLM to answer from the given entries only, and checks that it did. */
export async function composeGroundedAnswer(input: ComposeGroundedAnswerInput): Promise<GroundedAnswer> {
  if (input.entries.length === 0) return { kind: 'cannot-answer', reason: '没有检索到可以依据的知识条目' };
  const entryIds = input.entries.map((entry) => entry.id);
  const result = await input.client.complete(
    {
      messages: buildGroundedMessages(input.question, input.entries),
      tools: buildGroundedTools(entryIds),
      tool_choice: 'required',
      // Low temperature: the answer should restate the entries, not be creative about them.
      temperature: 0.1,
    },
    input.signal ? { signal: input.signal } : {},
  );
  return interpretGroundedReply(result, new Set(entryIds));
}

/** Validates a finished completion against the entries it was given. */
export function interpretGroundedReply(result: ChatCompletionResult, entryIds: ReadonlySet<string>): GroundedAnswer {
  if (result.finishReason === 'length') return rejected('the reply was cut off at the token limit');
  if (result.finishReason === 'content_filter') return rejected('the reply was withheld by a content filter');
  if (result.toolCalls.length > 1) return rejected(`expected one tool call, got ${result.toolCalls.length}`);
  const [toolCall] = result.toolCalls;
  if (toolCall) return fromToolCall(toolCall, entryIds);
  // Some government models ignore tools and answer in text with 【entry-id】 markers.
  if (result.content.trim()) return fromMarkedContent(result.content, entryIds);
  return rejected('the reply was empty');
}

function fromToolCall(toolCall: ToolCall, entryIds: ReadonlySet<string>): GroundedAnswer {
  const { name } = toolCall.function;
  let args: unknown;
  try {
    args = JSON.parse(toolCall.function.arguments);
  } catch {
    return rejected(`${name} arguments are not valid JSON`);
  }
  if (name === CANNOT_ANSWER_TOOL) {
    const parsed = cannotAnswerArgsSchema.safeParse(args);
    return parsed.success ? { kind: 'cannot-answer', reason: parsed.data.reason } : rejected(`${name} arguments are invalid`);
  }
  if (name === GIVE_ANSWER_TOOL) {
    const parsed = giveAnswerArgsSchema.safeParse(args);
    if (!parsed.success) return rejected(`${name} arguments are invalid: ${parsed.error.issues[0]?.message ?? ''}`);
    return checkedAnswer(parsed.data.spoken, parsed.data.screen, parsed.data.citations, entryIds);
  }
  return rejected(`unknown tool ${name}`);
}

function fromMarkedContent(content: string, entryIds: ReadonlySet<string>): GroundedAnswer {
  return checkedAnswer(content, content, extractCitationMarkers(content), entryIds);
}

/** The checks every answer passes, whichever way it came: cited, citations real, something to say. */
function checkedAnswer(spokenRaw: string, screenRaw: string, citationsRaw: string[], entryIds: ReadonlySet<string>): GroundedAnswer {
  const citations = [...new Set(citationsRaw.map((id) => id.trim()).filter((id) => id !== ''))];
  if (citations.length === 0) return rejected('the answer cites no knowledge entry');
  const unknown = citations.filter((id) => !entryIds.has(id));
  if (unknown.length > 0) return rejected(`the answer cites entries it was not given: ${unknown.join(', ')}`);

  // Longer answers are cut to whole sentences rather than refused: the screen still shows everything.
  const spoken = limitSentences(toSpeakableText(stripCitationMarkers(spokenRaw)), MAX_SPOKEN_SENTENCES);
  const screen = stripCitationMarkers(screenRaw).trim();
  if (spoken === '') return rejected('the spoken answer is empty');
  if (screen === '') return rejected('the screen answer is empty');
  return { kind: 'answer', spoken, screen, citations };
}

function rejected(reason: string): GroundedAnswer {
  return { kind: 'rejected', reason };
}
