import { checkCss } from './css/check-css';
import { checkHtml } from './html/check-html';
import { analyzeJsFast } from './js/fast';
import { LineIndex } from './positions';
import type { RawFinding } from './raw-finding';
import { ruleMeta } from './rules';
import type { CheckOptions, Finding, RuleName } from './types';
import { trustedOrigins } from './urls';

export type FileKind = 'js' | 'html' | 'css';

export function fileKind(filename: string): FileKind | undefined {
  const lower = filename.toLowerCase();
  if (/\.(?:js|mjs|cjs)$/.test(lower)) return 'js';
  if (/\.html?$/.test(lower)) return 'html';
  if (lower.endsWith('.css')) return 'css';
  return undefined;
}

export interface TextResult {
  findings: Finding[];
  sawLogin: boolean;
  /** Set when a JS file does not parse: "line:column message". */
  syntaxError?: string;
}

/** Checks one text; `filename` picks the kind and is copied into findings. */
export function checkText(source: string, filename: string, options: CheckOptions = {}): TextResult {
  const kind = fileKind(filename);
  if (!kind) return { findings: [], sawLogin: false };
  const trusted = trustedOrigins(options.trustedDomains);
  const disabled = new Set<RuleName>(options.disable ?? []);
  const text = source.charCodeAt(0) === 0xfeff ? ` ${source.slice(1)}` : source;
  let raw: RawFinding[];
  let sawLogin = false;
  let syntaxError: { message: string; offset: number } | undefined;
  if (kind === 'js') {
    const lower = filename.toLowerCase();
    const sourceType = lower.endsWith('.mjs')
      ? 'module'
      : lower.endsWith('.cjs')
        ? 'commonjs'
        : 'unambiguous';
    const result = analyzeJsFast(text, filename, { sourceType, trusted });
    raw = result.findings;
    sawLogin = result.sawLogin;
    syntaxError = result.syntaxError;
  } else if (kind === 'html') {
    const result = checkHtml(text, trusted);
    raw = result.findings;
    sawLogin = result.sawLogin;
  } else {
    raw = checkCss(text);
  }
  const lines = new LineIndex(text);
  const findings = dedupe(raw)
    .filter((f) => !disabled.has(f.rule))
    .map((f) => toFinding(f, filename, lines));
  const out: TextResult = { findings, sawLogin };
  if (syntaxError) {
    const at = lines.position(syntaxError.offset);
    out.syntaxError = `${at.line}:${at.column} ${syntaxError.message}`;
  }
  return out;
}

function toFinding(raw: RawFinding, file: string, lines: LineIndex): Finding {
  const meta = ruleMeta(raw.rule);
  const start = lines.position(raw.start);
  const end = lines.position(raw.end);
  return {
    rule: raw.rule,
    severity: raw.severity ?? meta.severity,
    file,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    message: raw.message,
    hint: raw.hint ?? meta.hint,
  };
}

/** One finding per rule and start offset (e.g. `Function.call(…)` seen as a call and a member). */
function dedupe(findings: RawFinding[]): RawFinding[] {
  const seen = new Set<string>();
  const out: RawFinding[] = [];
  for (const f of findings) {
    const key = `${f.rule}@${f.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out.sort((a, b) => a.start - b.start);
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) =>
    a.file < b.file
      ? -1
      : a.file > b.file
        ? 1
        : a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : 1),
  );
}
