// The subset of the OpenAI chat-completions protocol the kiosk speaks.
// Field names follow the wire format (snake_case) so bodies can be sent and read as-is.

export interface SystemMessage {
  role: 'system';
  content: string;
}

export interface UserMessage {
  role: 'user';
  content: string;
}

export interface AssistantMessage {
  role: 'assistant';
  content: string | null;
  tool_calls?: ToolCall[];
}

export interface ToolMessage {
  role: 'tool';
  content: string;
  tool_call_id: string;
}

export type ChatMessage = SystemMessage | UserMessage | AssistantMessage | ToolMessage;

/** A JSON Schema object describing a function's parameters. */
export type JsonSchema = Record<string, unknown>;

export interface FunctionTool {
  type: 'function';
  function: {
    name: string;
    description?: string;
    parameters: JsonSchema;
  };
}

export type ToolChoice = 'none' | 'auto' | 'required' | { type: 'function'; function: { name: string } };

/** A complete tool call; `arguments` is the model's JSON text, not yet parsed or trusted. */
export interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

/** Known finish reasons; OpenAI-compatible servers occasionally invent others, so any string is kept. */
export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'function_call' | (string & {});

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/** What a caller asks for; the client adds model and streaming fields. */
export interface ChatRequest {
  messages: ChatMessage[];
  tools?: FunctionTool[];
  tool_choice?: ToolChoice;
  temperature?: number;
  max_tokens?: number;
}

/** The HTTP body of POST /chat/completions. */
export interface ChatCompletionRequestBody extends ChatRequest {
  model: string;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
}

// --- streaming (stream: true) -------------------------------------------------

/** One fragment of a tool call; fragments with the same `index` belong to the same call. */
export interface ToolCallDelta {
  index?: number;
  id?: string | null;
  type?: string | null;
  function?: { name?: string | null; arguments?: string | null } | null;
}

export interface ChunkDelta {
  role?: string | null;
  content?: string | null;
  tool_calls?: ToolCallDelta[] | null;
}

export interface ChunkChoice {
  index?: number;
  delta?: ChunkDelta | null;
  finish_reason?: FinishReason | null;
}

/** The JSON in one `data:` line of the event stream. */
export interface ChatCompletionChunk {
  id?: string;
  object?: string;
  created?: number;
  model?: string;
  choices: ChunkChoice[];
  /** Sent on a final chunk with empty `choices` when stream_options.include_usage is set. */
  usage?: Usage | null;
  /** Some servers report a failure inside the stream instead of with an HTTP status. */
  error?: ErrorBody['error'] | null;
}

// --- whole response (stream: false) -------------------------------------------

export interface ChatCompletion {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  choices: { index: number; message: AssistantMessage; finish_reason: FinishReason | null }[];
  usage?: Usage;
}

// --- errors -------------------------------------------------------------------

export interface ErrorBody {
  error: {
    message: string;
    type?: string | null;
    code?: string | number | null;
    param?: string | null;
  };
}

// --- what the client hands to its callers -------------------------------------

export type ChatStreamEvent =
  | { type: 'content'; text: string }
  /** Emitted once the call's fragments are complete (when the model finishes). */
  | { type: 'tool-call'; toolCall: ToolCall }
  | { type: 'done'; finishReason: FinishReason | null; usage: Usage | null };

export interface ChatCompletionResult {
  content: string;
  toolCalls: ToolCall[];
  finishReason: FinishReason | null;
  usage: Usage | null;
}
