import { parseSync } from 'oxc-parser';
import type { RawFinding } from '../raw-finding';
import type { TrustedOrigins } from '../urls';
import { checkSite } from './sinks';
import { isSensitive } from './values';
import { walkProgram } from './walk';

export type SourceType = 'module' | 'script' | 'unambiguous' | 'commonjs';

export interface JsAnalysis {
  findings: RawFinding[];
  sawLogin: boolean;
  /** The parser's first error, when the text is not valid JavaScript (findings come from the recovered AST). */
  syntaxError?: { message: string; offset: number };
  /** Identifier names the findings' resolution relied on (see fast.ts). */
  reliedNames: Set<string>;
  /** Bindings whose value could start a finding where they are used (see fast.ts); when asked. */
  sensitiveNames?: Set<string>;
}

export interface JsOptions {
  sourceType: SourceType;
  jsx?: boolean;
  trusted: TrustedOrigins;
  collectSensitive?: boolean;
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
  const relied = new Set<string>();
  for (const site of sites) {
    evaluator.reliedNames.clear();
    const before = findings.length;
    checkSite(site, ctx);
    if (findings.length > before) for (const name of evaluator.reliedNames) relied.add(name);
  }
  const result: JsAnalysis = { findings, sawLogin, reliedNames: relied };
  if (options.collectSensitive) {
    const sensitive = new Set<string>();
    for (const scope of scopes) {
      for (const binding of scope.bindings.values()) {
        if (binding.init && isSensitive(evaluator.bindingValue(binding, 0))) sensitive.add(binding.name);
      }
    }
    result.sensitiveNames = sensitive;
  }
  if (firstError) {
    result.syntaxError = { message: firstError.message, offset: firstError.labels[0]?.start ?? 0 };
  }
  return result;
}
