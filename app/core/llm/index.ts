export { LlmError, isLlmError, type LlmErrorDetails, type LlmErrorKind, type LlmTimeoutPhase } from './llmError.js';
export type {
  AssistantMessage,
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionRequestBody,
  ChatCompletionResult,
  ChatMessage,
  ChatRequest,
  ChatStreamEvent,
  ChunkChoice,
  ChunkDelta,
  ErrorBody,
  FinishReason,
  FunctionTool,
  JsonSchema,
  SystemMessage,
  ToolCall,
  ToolCallDelta,
  ToolChoice,
  ToolMessage,
  Usage,
  UserMessage,
} from './chatTypes.js';
export { SseLineDecoder, decodeSseStream, parseSsePayload, type DecodeSseOptions, type SsePayload } from './sseLineDecoder.js';
export { CircuitBreaker, type CircuitBreakerOptions, type CircuitPermit, type CircuitSnapshot, type CircuitState } from './circuitBreaker.js';
export type { RetryOptions } from './retryPolicy.js';
export {
  createChatClient,
  type ChatCallOptions,
  type ChatClient,
  type ChatClientOptions,
  type ChatClientTimeouts,
} from './chatCompletionClient.js';
export { limitSentences, toSpeakableText } from './spokenSentences.js';
export {
  buildGroundedMessages,
  buildGroundedTools,
  formatEntryForPrompt,
  groundedSystemPrompt,
  CANNOT_ANSWER_TOOL,
  GIVE_ANSWER_TOOL,
} from './groundedPrompt.js';
export {
  composeGroundedAnswer,
  interpretGroundedReply,
  MAX_SPOKEN_SENTENCES,
  type ComposeGroundedAnswerInput,
  type GroundedAnswer,
} from './groundedAnswer.js';
export {
  createLlmSimulator,
  simBehaviour,
  type LlmSimBehaviour,
  type LlmSimulator,
  type LlmSimulatorOptions,
} from './simulator/llmSimulator.js';
