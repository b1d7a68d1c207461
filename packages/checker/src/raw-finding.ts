import type { RuleName } from './types';

/** A finding before positions are computed: offsets into the checked text (UTF-16). */
export interface RawFinding {
  rule: RuleName;
  start: number;
  end: number;
  message: string;
  /** Overrides the rule's generic hint when the finding knows better (e.g. vConsole). */
  hint?: string;
}
