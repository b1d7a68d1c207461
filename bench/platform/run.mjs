#!/usr/bin/env node
// Platform HTTP benchmarks: OAuth token exchange, user info, trade orders created and paid,
// and signed webhook deliveries, against the real `openminis serve` in a child process, each
// beside a bare Hono route served the same way, on SQLite and PostgreSQL. Writes the
// platform section of bench/RESULTS.md. See bench/platform/README.md.
//
//   node bench/platform/run.mjs [--runs 5] [--duration 10] [--connections 10] [--dry-run] [--help]
import { tsImport } from 'tsx/esm/api';

// Interrupted: exit at once; the child servers are killed on exit (lib/child-server.ts).
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

const { main } = await tsImport('./lib/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
