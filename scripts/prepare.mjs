#!/usr/bin/env node
/** The part of `npm test` that runs before Jest: dependencies, build, development exchange keys. */
import { prepareWorkspace } from './run/prepare-workspace.mjs';

try {
  await prepareWorkspace();
} catch (error) {
  process.stderr.write(`[prepare] failed: ${error.message}\n`);
  process.exit(1);
}
