import { type CSSToken, TokenType, tokenize } from '@csstools/css-tokenizer';
import type { RawFinding } from '../raw-finding';
import { isFontHost, parseAbsoluteUrl } from '../urls';

/**
 * CSS: only `@import` of a remote stylesheet is a finding (spec §4.1 R4). `url()` elsewhere —
 * `@font-face` sources, images — is not a stylesheet or script; font services may be imported.
 */
export function checkCss(css: string, offset = 0): RawFinding[] {
  const findings: RawFinding[] = [];
  const tokens = tokenize({ css });
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as CSSToken;
    if (token[0] !== TokenType.AtKeyword || String(token[4]?.value).toLowerCase() !== 'import') continue;
    const target = importTarget(tokens, i + 1);
    if (!target) continue;
    const url = parseAbsoluteUrl(target.url);
    if (!url || isFontHost(url)) continue;
    findings.push({
      rule: 'no-external-resource',
      start: offset + token[2],
      end: offset + target.end + 1,
      message: `@import loads a remote stylesheet from ${target.url}`,
    });
  }
  return findings;
}

function importTarget(tokens: CSSToken[], from: number): { url: string; end: number } | undefined {
  let i = nextSignificant(tokens, from);
  const token = tokens[i];
  if (!token) return undefined;
  if (token[0] === TokenType.URL || token[0] === TokenType.String) {
    return { url: String(token[4]?.value ?? ''), end: token[3] };
  }
  if (token[0] === TokenType.Function && String(token[4]?.value).toLowerCase() === 'url') {
    i = nextSignificant(tokens, i + 1);
    const arg = tokens[i];
    if (arg && arg[0] === TokenType.String) return { url: String(arg[4]?.value ?? ''), end: arg[3] };
  }
  return undefined;
}

function nextSignificant(tokens: CSSToken[], from: number): number {
  let i = from;
  while (i < tokens.length) {
    const type = (tokens[i] as CSSToken)[0];
    if (type !== TokenType.Whitespace && type !== TokenType.Comment) break;
    i++;
  }
  return i;
}
