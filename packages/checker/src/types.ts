/** The names of the checker's rules; also the SARIF `ruleId`s. */
export type RuleName =
  | 'no-eval'
  | 'no-new-function'
  | 'no-string-timer'
  | 'no-iframe'
  | 'no-external-resource'
  | 'no-clipboard'
  | 'no-geolocation'
  | 'no-vibrate'
  | 'no-untrusted-request'
  | 'login-missing';

export type Severity = 'error' | 'warning';

/** Static description of a rule, for help output and SARIF `tool.driver.rules`. */
export interface RuleMeta {
  name: RuleName;
  severity: Severity;
  /** One sentence: what the rule forbids and why (spec section). */
  description: string;
  /** One line: what the developer should do instead. */
  hint: string;
}

/** A position in a file: 1-based line, 1-based column (in UTF-16 code units, like editors). */
export interface Position {
  line: number;
  column: number;
}

export interface Finding {
  rule: RuleName;
  severity: Severity;
  /** Path relative to the checked folder, with `/` separators (the built file). */
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  hint: string;
  /** Where the finding comes from in the original source, when a source map resolves it. */
  original?: { file: string; line: number; column: number };
}

export interface CheckOptions {
  /** Trusted origins such as `https://api.example.com` (normalised, no trailing slash). */
  trustedDomains?: readonly string[];
  /** Rules to skip. */
  disable?: readonly RuleName[];
  /** Worker threads to spread files over; default: available parallelism, 1 for small inputs. */
  threads?: number;
  /** Files larger than this are reported as an error instead of being parsed. Default 64 MiB. */
  maxFileBytes?: number;
}

/** A file that could not be checked (binary content under a `.js` name, unreadable, too large, …). */
export interface SkippedFile {
  file: string;
  reason: string;
}

export interface CheckResult {
  /** Sorted by file, line, column. */
  findings: Finding[];
  /** Files looked at, relative paths. */
  files: string[];
  skipped: SkippedFile[];
  bytes: number;
}
