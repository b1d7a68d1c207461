import { findNodeAtLocation, type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { describeFound, MinisConfigError, type MinisConfigIssue } from './errors';
import { formatKeyPath, valueAt } from './key-path';
import { normalizeMinisConfig } from './normalize';
import { type RawMinisConfig, rawMinisConfigSchema } from './schema';
import { MAX_CONFIG_BYTES, type ParsedMinisConfig } from './types';

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const SYNTAX_EXPECTATIONS: Record<string, string> = {
  InvalidSymbol: 'a JSON value',
  InvalidNumberFormat: 'a number',
  PropertyNameExpected: 'a quoted property name',
  ValueExpected: 'a value',
  ColonExpected: 'a colon (:)',
  CommaExpected: 'a comma (,)',
  CloseBraceExpected: 'a closing brace (})',
  CloseBracketExpected: 'a closing bracket (])',
  EndOfFileExpected: 'the end of the file',
  InvalidCommentToken: 'a closed comment',
  UnexpectedEndOfComment: 'a closed comment',
  UnexpectedEndOfString: 'a closing quote (")',
  UnexpectedEndOfNumber: 'a number',
  InvalidUnicode: 'a valid \\u escape',
  InvalidEscapeCharacter: 'a valid escape sequence',
  InvalidCharacter: 'a valid character',
};

function syntaxIssue(text: string, error: ParseError): MinisConfigIssue {
  const code = printParseErrorCode(error.error);
  const token = text.slice(error.offset, error.offset + Math.max(1, Math.min(error.length, 20)));
  return {
    keyPath: '',
    expected: SYNTAX_EXPECTATIONS[code] ?? code,
    found: error.offset >= text.length ? 'the end of the file' : JSON.stringify(token),
    ...lineAndColumn(text, error.offset),
  };
}

function locate(text: string, tree: Node, path: PropertyKey[]): { line?: number; column?: number } {
  // Walk up until a node exists: a missing key is best reported at its parent.
  for (let depth = path.length; depth >= 0; depth--) {
    const node = findNodeAtLocation(tree, path.slice(0, depth) as Array<string | number>);
    if (node !== undefined) {
      const offset = node.parent?.type === 'property' && depth > 0 ? node.parent.offset : node.offset;
      return lineAndColumn(text, offset);
    }
  }
  return {};
}

/**
 * Parses and validates the text of a `minis.config.json`. Comments and trailing commas are tolerated
 * (the official examples contain them). Throws `MinisConfigError` naming the file, key, expectation and
 * finding; `filePath` is only used in messages.
 */
export function parseMinisConfig(text: string, filePath = 'minis.config.json'): ParsedMinisConfig {
  if (text.length > MAX_CONFIG_BYTES) {
    throw new MinisConfigError(filePath, [
      { keyPath: '', expected: `a file under ${MAX_CONFIG_BYTES} bytes`, found: `${text.length} characters` },
    ]);
  }
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === '') {
    throw new MinisConfigError(filePath, [
      { keyPath: '', expected: 'a JSON object', found: 'an empty file' },
    ]);
  }
  const syntaxErrors: ParseError[] = [];
  const tree = parseTree(source, syntaxErrors, { allowTrailingComma: true, disallowComments: false });
  const firstSyntaxError = syntaxErrors[0];
  if (firstSyntaxError !== undefined)
    throw new MinisConfigError(filePath, [syntaxIssue(source, firstSyntaxError)]);
  if (tree === undefined) {
    throw new MinisConfigError(filePath, [
      { keyPath: '', expected: 'a JSON object', found: 'an empty file' },
    ]);
  }
  const raw = parseTreeValue(tree);
  const checked = rawMinisConfigSchema.safeParse(raw);
  if (!checked.success) {
    const issues = checked.error.issues.map((issue) => ({
      keyPath: formatKeyPath(issue.path),
      expected: issue.message,
      found: describeFound(valueAt(raw, issue.path)),
      ...locate(source, tree, issue.path),
    }));
    throw new MinisConfigError(filePath, inFileOrder(issues) as [MinisConfigIssue, ...MinisConfigIssue[]]);
  }
  const outcome = normalizeMinisConfig(checked.data);
  const [firstIssue, ...moreIssues] = outcome.issues.map(({ path, ...issue }) => ({
    keyPath: formatKeyPath(path),
    ...issue,
    ...locate(source, tree, path),
  }));
  if (firstIssue !== undefined) throw new MinisConfigError(filePath, [firstIssue, ...moreIssues]);
  return {
    raw: raw as RawMinisConfig & Record<string, unknown>,
    config: outcome.config,
    warnings: outcome.warnings.map((warning) => `${filePath}: ${warning}`),
  };
}

function inFileOrder(issues: MinisConfigIssue[]): MinisConfigIssue[] {
  const rank = (issue: MinisConfigIssue) => (issue.line ?? 0) * 1e6 + (issue.column ?? 0);
  return issues.sort((a, b) => rank(a) - rank(b));
}

/** Like jsonc-parser's getNodeValue, but keys such as `__proto__` become plain own properties. */
function parseTreeValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = Object.create(null);
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key !== undefined && value !== undefined) out[String(key.value)] = parseTreeValue(value);
      }
      return { ...out };
    }
    case 'array':
      return (node.children ?? []).map(parseTreeValue);
    default:
      return node.value;
  }
}
