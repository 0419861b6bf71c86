#!/usr/bin/env node
// The `kiosk` command. TypeScript sources run through tsx's loader, so no build step is needed for the CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../app/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
