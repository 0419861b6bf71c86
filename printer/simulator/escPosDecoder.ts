import { EscPosInterpreter, type InterpreterOptions } from './escPosInterpreter.js';
import { EscPosStreamSplitter } from './escPosStreamSplitter.js';
import type { Ticket, TicketLine } from './ticket.js';

export interface EscPosDecoder {
  /** Feeds bytes as they arrive, in pieces of any size. Never throws. */
  push(bytes: Uint8Array): void;
  tickets(): readonly Ticket[];
  /** Returns the tickets cut so far and forgets them. */
  takeTickets(): Ticket[];
  uncutLines(): readonly TicketLine[];
  /** Process IDs (GS ( H) reached, in order. */
  processIds(): readonly string[];
  stats(): { ignoredElements: number; oversizedElements: number; droppedLines: number; pendingBytes: number };
}

/** The virtual printer's decoder without a port or a paper model: bytes in, tickets out. */
export function createEscPosDecoder(options: InterpreterOptions & { maxElementBytes?: number } = {}): EscPosDecoder {
  let tickets: Ticket[] = [];
  const processIds: string[] = [];
  const splitter = new EscPosStreamSplitter(options.maxElementBytes);
  const interpreter = new EscPosInterpreter(
    {
      onCut: (ticket) => tickets.push(ticket),
      onProcessId: (id) => {
        if (processIds.length < 10_000) processIds.push(id);
      },
    },
    options,
  );
  const execute = (element: Uint8Array) => interpreter.execute(element);
  return {
    push: (bytes) => splitter.push(bytes, execute),
    tickets: () => tickets,
    takeTickets: () => {
      const taken = tickets;
      tickets = [];
      return taken;
    },
    uncutLines: () => interpreter.uncutLines(),
    processIds: () => processIds,
    stats: () => ({
      ignoredElements: interpreter.ignoredElements,
      oversizedElements: splitter.oversizedElements,
      droppedLines: interpreter.droppedLines,
      pendingBytes: splitter.pendingBytes,
    }),
  };
}
