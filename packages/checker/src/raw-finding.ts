import type { RuleName, Severity } from './types';

/** A finding before positions are computed: offsets into the checked text (UTF-16). */
export interface RawFinding {
  rule: RuleName;
  start: number;
  end: number;
  message: string;
  /** Overrides the rule's generic hint when the finding knows better (e.g. vConsole). */
  hint?: string;
  /**
   * Overrides the rule's severity: the vConsole script that `ttdx minis init` injects (as TikTok's
   * own CLI does) is a warning to remove before release, so init → build:after → pack still works.
   */
  severity?: Severity;
}
