import { ConfigError } from '../core/config/loadConfig.js';
import { UsageError as CliUsageError } from './cliOptions.js';
import { askCommand } from './askCommand.js';
import { citizensCommand } from './citizensCommand.js';
import { diagCommand } from './diagCommand.js';
import { faceCommand } from './faceCommand.js';
import { nluCommand } from './nluCommand.js';
import { outboxCommand } from './outboxCommand.js';
import { printCertificateCommand } from './printCertificateCommand.js';
import { scenarioCommand } from './scenarioCommand.js';
import { staffRequestsCommand } from './staffRequestsCommand.js';
import { startCommand } from './startCommand.js';
import { transcribeCommand } from './transcribeCommand.js';
import { verifyCertificateCommand } from './verifyCertificateCommand.js';

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, { run: Command; summary: string }> = {
  start: { run: startCommand, summary: 'start the kiosk with its built-in simulators (Electron, or the web kiosk on loopback)' },
  ask: { run: askCommand, summary: 'ask "<question>" | ask --jsonl: answer policy questions as JSON' },
  citizens: { run: citizensCommand, summary: "list the business-system simulator's demo citizens as JSON" },
  'print-certificate': { run: printCertificateCommand, summary: 'print-certificate [--citizen <id>] --port <device>: print a 参保证明 for a demo citizen' },
  'verify-certificate': { run: verifyCertificateCommand, summary: 'verify-certificate "<qr text>" [--keys <dir>]: check a certificate QR offline' },
  transcribe: { run: transcribeCommand, summary: 'transcribe <wav>...: local VAD + speech recognition, one JSON line per file' },
  nlu: { run: nluCommand, summary: 'nlu: {"utterance"} JSON lines on stdin → {"utterance","intent","service","confidence","slots"} per line' },
  face: { run: faceCommand, summary: 'face embed <image>... | face compare <a> <b> | face liveness <image>: the face pipeline on files' },
  scenario: { run: scenarioCommand, summary: 'scenario <file.json>...: drive the kiosk as a citizen would; one JSON line per file, exit 1 when any failed' },
  'staff-requests': { run: staffRequestsCommand, summary: 'list open calls for staff (--all, --close <id>)' },
  diag: { run: diagCommand, summary: 'diag [--json] [--only <device>] [--move]: the technician\'s checks of the configured devices, models, business system, storage and system; exit 1 when any failed' },
  outbox: { run: outboxCommand, summary: 'the transaction outbox: counts and entries, never payloads (--state, --kind, --limit)' },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  kiosk ${name.padEnd(15)} ${c.summary}`);
  return `usage: kiosk <command> [options]\n\n${lines.join('\n')}\n\nOptions common to all: --config <file> (or $KIOSK_CONFIG)`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${usage()}\n`);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`kiosk: unknown command "${name}"\n\n${usage()}\n`);
    return 2;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    if (error instanceof CliUsageError) {
      process.stderr.write(`kiosk ${name}: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`kiosk ${name}: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    return 1;
  }
}

