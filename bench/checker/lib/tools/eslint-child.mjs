// Runs ESLint 10 once over the given corpus files in this (fresh) process and prints one JSON line:
// { ms, maxRssKiB, version, results: [{ file, messages: [{ rule, line, column, message }] }] }.
// Spawned by run.mjs with a large --max-old-space-size: ESLint keeps every file's AST and tokens alive.
//   argv[2]: JSON { cwd, files: string[], moduleFiles: string[] }

import { relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ESLint } from 'eslint';
import { ESLINT_RULES } from '../rules.mjs';

const { cwd, files, moduleFiles } = JSON.parse(process.argv[2] ?? '{}');
const rules = Object.fromEntries(ESLINT_RULES.map((rule) => [rule, 'error']));
// The global objects ESLint's rules look through (window.eval, self.setTimeout, …) must be declared as
// globals or the rules cannot see them; ecmaVersion "latest" already declares globalThis, eval, Function.
const globals = { window: 'readonly', self: 'readonly', global: 'readonly' };

const eslint = new ESLint({
  cwd,
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ['**/*.js'],
      languageOptions: { ecmaVersion: 'latest', sourceType: 'script', globals },
      // Bundles carry their authors' `eslint-disable` comments; we want what the rules see, not what
      // the authors chose to silence (the checker ignores such comments too).
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
      rules,
    },
    ...(moduleFiles.length > 0 ? [{ files: moduleFiles, languageOptions: { sourceType: 'module' } }] : []),
  ],
});

const start = performance.now();
const results = await eslint.lintFiles(files);
const ms = performance.now() - start;

const out = {
  ms,
  maxRssKiB: process.resourceUsage().maxRSS,
  version: ESLint.version,
  results: results.map((result) => ({
    file: relative(cwd, result.filePath).split('\\').join('/'),
    // Messages without a rule id are notes about the ignored inline comments, except parse errors.
    messages: result.messages
      .filter((m) => m.ruleId || m.fatal)
      .map((m) => ({
        rule: m.ruleId ?? 'parse-error',
        line: m.line,
        column: m.column,
        message: m.message,
      })),
  })),
};
process.stdout.write(`${JSON.stringify(out)}\n`);
