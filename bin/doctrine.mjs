#!/usr/bin/env node
// Entry point of `npx doctrine`. Runs under the Node pinned by the project (node_modules/.bin/node),
// which runs the TypeScript sources directly.
import { main } from '../src/cli/main.ts';

process.exitCode = await main(process.argv.slice(2));
