import type { CheckResult } from '@openminis/checker';

export interface CheckSummary {
  errors: number;
  warnings: number;
  skipped: number;
  files: number;
  /** True when the result should fail the command: any error finding or any file that could not be checked. */
  failed: boolean;
}

export function summarize(result: CheckResult): CheckSummary {
  const errors = result.findings.filter((finding) => finding.severity === 'error').length;
  const skipped = result.skipped.length;
  return {
    errors,
    warnings: result.findings.length - errors,
    skipped,
    files: result.files.length,
    failed: errors > 0 || skipped > 0,
  };
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
