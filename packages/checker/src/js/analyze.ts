import type { RawFinding } from '../raw-finding';
import type { TrustedOrigins } from '../urls';
import type { Dependency } from './evaluate';
import { type Parsed, parseJs } from './parse';
import { emptyObjectPatterns } from './scopes-builder';
import { pushSensitiveBindings } from './sensitive-bindings';
import { checkSite } from './sinks';
import { anyIn } from './triggers';
import { walkProgram } from './walk';

export type SourceType = 'module' | 'script' | 'unambiguous' | 'commonjs';

export interface JsAnalysis {
  findings: RawFinding[];
  sawLogin: boolean;
  /** The parser's first error, when the text is not valid JavaScript (findings come from the recovered AST). */
  syntaxError?: { message: string; offset: number };
  /**
   * When asked (collectDependencies): names the findings resolved, and bindings whose value
   * could start a finding where they are used (see fast.ts).
   */
  dependencies?: Dependency[];
  /**
   * When asked: object literals whose properties the rules read, and empty object patterns
   * (a blanked pattern declares nothing), [start, end).
   */
  consulted?: Array<[number, number]>;
}

export interface JsOptions {
  sourceType: SourceType;
  jsx?: boolean;
  trusted: TrustedOrigins;
  collectDependencies?: boolean;
  /** Sorted offsets of trigger words (skeleton.ts): only sites holding one can read a literal that matters. */
  triggers?: number[];
  /** Regions to blank before parsing (fast.ts): flat, sorted, disjoint [start, end) offsets. */
  blank?: number[];
  /** Where blanked regions must keep their line breaks (default: all of them; see blank-utf8.ts). */
  lineBreaksIn?: number[];
}

/** Parses one JavaScript text and runs every JS rule over it. Offsets are into `source`. */
export function analyzeJs(source: string, filename: string, options: JsOptions): JsAnalysis {
  const parsed = parseForAnalysis(source, filename, options);
  return analyzeProgram(parsed, source, options);
}

export interface ParsedJs {
  program: Parsed['program'];
  lang: 'js' | 'jsx';
  /** The parser's first error (the program is then what the parser recovered). */
  firstError?: Parsed['errors'][number];
}

/** Parses `source` (with `options.blank` blanked) as JavaScript, or as JSX when only that parses. */
export function parseForAnalysis(source: string, filename: string, options: JsOptions): ParsedJs {
  const parse = (lang: 'js' | 'jsx') =>
    parseJs(filename, source, { lang, sourceType: options.sourceType, preserveParens: false }, options.blank);
  const first: 'js' | 'jsx' = options.jsx ? 'jsx' : 'js';
  let parsed = parse(first);
  let lang = first;
  // Unbuilt sources sometimes ship JSX in .js files: a second chance before calling it broken.
  if (parsed.errors.length > 0 && !options.jsx) {
    const asJsx = parse('jsx');
    if (asJsx.errors.length === 0) {
      parsed = asJsx;
      lang = 'jsx';
    }
  }
  return { program: parsed.program, lang, firstError: parsed.errors[0] };
}

/** Runs every JS rule over a parsed program. */
export function analyzeProgram(parsed: ParsedJs, source: string, options: JsOptions): JsAnalysis {
  const { program, firstError } = parsed;
  const isModule = program.sourceType === 'module';
  const { sites, evaluator, scopes } = walkProgram(program, isModule);
  const findings: RawFinding[] = [];
  let sawLogin = false;
  const ctx = {
    ev: evaluator,
    source,
    trusted: options.trusted,
    report: (finding: RawFinding) => findings.push(finding),
    sawLogin: () => {
      sawLogin = true;
    },
  };
  // Only names resolved while deciding a finding matter for blanking exactness.
  const dependencies: Dependency[] = [];
  // Exactness of blanking (fast.ts): what a finding resolved must mean the same in the full text.
  const consulted: Array<[number, number]> = [];
  const triggers = options.triggers ?? [];
  for (const site of sites) {
    evaluator.resolved.length = 0;
    evaluator.consulted.length = 0;
    evaluator.resetBudget();
    evaluator.touchedSensitive = false;
    const before = findings.length;
    checkSite(site, ctx);
    if (!options.collectDependencies) continue;
    if (findings.length > before) dependencies.push(...evaluator.resolved);
    // A blanked literal's values hold no trigger: they can only matter at a site that has one
    // (or that goes through a sensitive alias).
    if (
      evaluator.consulted.length > 0 &&
      (evaluator.touchedSensitive || anyIn(triggers, site.start, site.end))
    ) {
      consulted.push(...evaluator.consulted);
    }
  }
  const result: JsAnalysis = { findings, sawLogin };
  if (options.collectDependencies) {
    pushSensitiveBindings(scopes, evaluator, dependencies);
    result.dependencies = dependencies;
    result.consulted = emptyObjectPatterns.length > 0 ? consulted.concat(emptyObjectPatterns) : consulted;
  }
  if (firstError) {
    result.syntaxError = { message: firstError.message, offset: firstError.labels[0]?.start ?? 0 };
  }
  return result;
}
