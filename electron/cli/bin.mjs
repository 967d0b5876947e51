#!/usr/bin/env node
// The `netdesk` executable (package.json "bin"). The command line is written in TypeScript; tsx
// compiles it on the fly, so the CLI runs from a plain checkout with no build step.
import { register } from 'tsx/esm/api';

register();
const { runNetdesk } = await import('./netdesk.ts');
process.exitCode = await runNetdesk(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
});
