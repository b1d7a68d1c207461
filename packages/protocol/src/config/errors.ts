/** One problem found in a `minis.config.json`, located as precisely as the parser allows. */
export interface MinisConfigIssue {
  /** Dotted key path with array indices, e.g. `domain.trustedDomains[2]`; empty for the whole file. */
  keyPath: string;
  expected: string;
  /** A short rendering of what the file contains at that key. */
  found: string;
  /** 1-based, when the position is known. */
  line?: number;
  column?: number;
}

function describeIssue(file: string, issue: MinisConfigIssue): string {
  const where = issue.line === undefined ? file : `${file}:${issue.line}:${issue.column ?? 1}`;
  const key = issue.keyPath === '' ? '' : ` ${issue.keyPath}:`;
  return `${where}:${key} expected ${issue.expected}, found ${issue.found}`;
}

/**
 * A user error in the config file. The message names the file, the key, what was expected and what was
 * found, so callers can print it as is (no stack trace needed).
 */
export class MinisConfigError extends Error {
  readonly file: string;
  readonly keyPath: string;
  readonly expected: string;
  readonly found: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  /** Every problem found; the first one is also spread onto this error's own fields. */
  readonly issues: readonly MinisConfigIssue[];

  constructor(file: string, issues: readonly [MinisConfigIssue, ...MinisConfigIssue[]]) {
    super(issues.map((issue) => describeIssue(file, issue)).join('\n'));
    this.name = 'MinisConfigError';
    const first = issues[0];
    this.file = file;
    this.keyPath = first.keyPath;
    this.expected = first.expected;
    this.found = first.found;
    this.line = first.line;
    this.column = first.column;
    this.issues = issues;
  }
}

/** Renders a found value briefly: strings quoted, long values cut, types named for containers. */
export function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
