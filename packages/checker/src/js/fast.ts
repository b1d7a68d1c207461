import { analyzeJs, type JsAnalysis, type JsOptions } from './analyze';
import { blankRegions, scanSkeleton } from './skeleton';

/** Deeper nesting than this is refused: the native parser's recursion would overflow its stack. */
export const MAX_NESTING = 1000;

/**
 * Analyses a JS text, parsing only what can matter. Exactness of the blanking (skeleton.ts):
 * a blanked region holds no trigger word, so no finding starts inside it; removing it can only
 * remove declarations and writes, which can only add findings, never hide one. The result is
 * kept unless a name it depends on — one a finding resolved, or a binding whose value is
 * sensitive (an alias of eval, window, navigator…) — occurs in a blanked region; then the file
 * is analysed again without blanking. A skeleton that does not parse also falls back.
 */
export function analyzeJsFast(source: string, filename: string, options: JsOptions): JsAnalysis {
  const skeleton = scanSkeleton(source);
  if (!skeleton.hasTriggers) return { findings: [], sawLogin: false, reliedNames: new Set() };
  if (skeleton.maxDepth > MAX_NESTING) {
    throw new RangeError(`nesting deeper than ${MAX_NESTING} levels (found ${skeleton.maxDepth})`);
  }
  if (skeleton.regions.length === 0) return analyzeJs(source, filename, options);
  const partial = analyzeJs(blankRegions(source, skeleton.regions), filename, {
    ...options,
    collectSensitive: true,
  });
  if (partial.syntaxError) return analyzeJs(source, filename, options);
  const names = new Set([...partial.reliedNames, ...(partial.sensitiveNames ?? [])]);
  if (names.size > 0 && occursInRegions(source, names, skeleton.regions))
    return analyzeJs(source, filename, options);
  return partial;
}

function occursInRegions(source: string, names: Set<string>, regions: number[]): boolean {
  const alternation = [...names].map((name) => name.replace(/[$]/g, '\\$')).join('|');
  const re = new RegExp(`(?<![\\w$])(?:${alternation})(?![\\w$])`, 'g');
  for (let r = 0; r < regions.length; r += 2) {
    re.lastIndex = regions[r] as number;
    const m = re.exec(source);
    if (m && m.index < (regions[r + 1] as number)) return true;
  }
  return false;
}
