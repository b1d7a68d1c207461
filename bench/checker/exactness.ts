// The fast path's exactness on real code: for every JS file under the given folders (default: the
// corpus and node_modules), the checker's fast path (skeleton blanking, fix-point rounds, grafted
// rounds) must report exactly what a whole parse reports, and every grafted round's AST must equal a
// whole parse of the same text (OPENMINIS_CHECKER_VERIFY_GRAFT). Prints the mismatches; exits 1 on any.
//
//   npx tsx bench/checker/exactness.ts [dir ...]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeJs } from '../../packages/checker/src/js/analyze';
import { analyzeJsFast, fastStats } from '../../packages/checker/src/js/fast';
import { trustedOrigins } from '../../packages/checker/src/urls';

process.env.OPENMINIS_CHECKER_VERIFY_GRAFT = '1';
const dirs = process.argv.slice(2);
const roots = dirs.length > 0 ? dirs : ['bench/checker/corpus', 'node_modules'];
const MAX_BYTES = 12e6;

function* jsFiles(dir: string): Generator<string> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    const info = statSync(path, { throwIfNoEntry: false });
    if (info?.isDirectory()) yield* jsFiles(path);
    else if (info?.isFile() && /\.(?:m?js|cjs)$/.test(name) && info.size < MAX_BYTES) yield path;
  }
}

const key = (findings: Array<{ rule: string; start: number }>) =>
  findings
    .map((f) => `${f.rule}@${f.start}`)
    .sort()
    .join(' ');
let files = 0;
let findings = 0;
let mismatches = 0;
for (const root of roots) {
  for (const path of jsFiles(root)) {
    const source = readFileSync(path, 'utf8');
    const options = {
      sourceType: path.endsWith('.mjs') ? ('module' as const) : ('unambiguous' as const),
      trusted: trustedOrigins([]),
    };
    let full: ReturnType<typeof analyzeJs>;
    try {
      full = analyzeJs(source, path, options);
    } catch {
      continue; // too deep for the parser: the fast path refuses these the same way
    }
    if (full.syntaxError) continue;
    files++;
    findings += full.findings.length;
    try {
      const fast = analyzeJsFast(source, path, options);
      if (key(fast.findings) !== key(full.findings) || fast.sawLogin !== full.sawLogin) {
        mismatches++;
        console.log(`MISMATCH ${path}\n  whole: ${key(full.findings)}\n  fast:  ${key(fast.findings)}`);
      }
    } catch (error) {
      mismatches++;
      console.log(`ERROR ${path}: ${(error as Error).message}`);
    }
  }
}
console.log(
  `${files} files, ${findings} findings from whole parses, ${fastStats.grafts} grafted rounds, ${mismatches} mismatches`,
);
process.exit(mismatches > 0 ? 1 : 0);
