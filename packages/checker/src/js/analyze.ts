import { parseSync } from 'oxc-parser';
import type { RawFinding } from '../raw-finding';
import type { TrustedOrigins } from '../urls';
import { checkSite } from './sinks';
import { walkProgram } from './walk';

export type SourceType = 'module' | 'script' | 'unambiguous' | 'commonjs';

export interface JsAnalysis {
  findings: RawFinding[];
  sawLogin: boolean;
  /** The parser's first error, when the text is not valid JavaScript (findings come from the recovered AST). */
  syntaxError?: { message: string; offset: number };
  /** Identifier names the findings' resolution relied on (see skeleton.ts). */
  reliedNames: Set<string>;
}

export interface JsOptions {
  sourceType: SourceType;
  jsx?: boolean;
  trusted: TrustedOrigins;
}

/** Parses one JavaScript text and runs every JS rule over it. Offsets are into `source`. */
export function analyzeJs(source: string, filename: string, options: JsOptions): JsAnalysis {
  const parsed = parseSync(filename, source, {
    lang: options.jsx ? 'jsx' : 'js',
    sourceType: options.sourceType,
    preserveParens: false,
  });
  const firstError = parsed.errors[0];
  const program = parsed.program;
  const isModule = program.sourceType === 'module';
  const { sites, evaluator } = walkProgram(program, isModule);
  const findings: RawFinding[] = [];
  let sawLogin = false;
  const ctx = {
    ev: evaluator,
    trusted: options.trusted,
    report: (finding: RawFinding) => findings.push(finding),
    sawLogin: () => {
      sawLogin = true;
    },
  };
  // Only names resolved while deciding a finding matter for blanking exactness.
  const relied = new Set<string>();
  for (const site of sites) {
    evaluator.reliedNames.clear();
    const before = findings.length;
    checkSite(site, ctx);
    if (findings.length > before) for (const name of evaluator.reliedNames) relied.add(name);
  }
  const result: JsAnalysis = { findings, sawLogin, reliedNames: relied };
  if (firstError) {
    result.syntaxError = { message: firstError.message, offset: firstError.labels[0]?.start ?? 0 };
  }
  return result;
}
