// The three kinds of dynamic code evaluation every tool in the benchmark looks for, and each tool's rule
// name for them. ESLint's no-implied-eval also covers execScript; ours no-string-timer covers the timers.
export const KINDS = ['eval', 'new-function', 'implied-eval'];

const KIND_OF_RULE = {
  ours: { 'no-eval': 'eval', 'no-new-function': 'new-function', 'no-string-timer': 'implied-eval' },
  eslint: { 'no-eval': 'eval', 'no-new-func': 'new-function', 'no-implied-eval': 'implied-eval' },
  oxlint: { 'no-eval': 'eval', 'no-new-func': 'new-function', 'no-implied-eval': 'implied-eval' },
};

/** The kind a tool's rule reports, or undefined for rules outside the comparison (ours no-iframe, …). */
export function kindOf(tool, rule) {
  return KIND_OF_RULE[tool]?.[rule];
}

export const ESLINT_RULES = ['no-eval', 'no-implied-eval', 'no-new-func'];
