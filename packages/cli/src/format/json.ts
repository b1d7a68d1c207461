import type { CheckResult } from '@openminis/checker';
import { summarize } from './summary';

/** Machine-readable report: the checker's result as is, plus counts. */
export function formatJson(result: CheckResult, dir: string): string {
  return `${JSON.stringify({ dir, summary: summarize(result), ...result }, null, 2)}\n`;
}
