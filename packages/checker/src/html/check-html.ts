import { Parser } from 'htmlparser2';
import { checkCss } from '../css/check-css';
import { analyzeJsFast } from '../js/fast';
import type { RawFinding } from '../raw-finding';
import type { TrustedOrigins } from '../urls';
import { isFontHost, isSdkScript, isVConsole, parseAbsoluteUrl } from '../urls';
import { classifyScriptType } from './script-types';

export interface HtmlAnalysis {
  findings: RawFinding[];
  sawLogin: boolean;
}

interface Attr {
  name: string;
  value: string;
  /** Offset of the value's first character in the HTML text (approximate after entities). */
  start: number;
}

const FRAME_TAGS = new Set(['iframe', 'frame', 'object', 'embed', 'portal', 'fencedframe']);
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'data', 'xlink:href']);
const HANDLER_PREFIX = 'function __handler(event){';
const MAX_TEMPLATE_DEPTH = 4;

/** Checks markup, inline scripts, inline event handlers, javascript: URLs and <style> blocks. */
export function checkHtml(html: string, trusted: TrustedOrigins, base = 0, depth = 0): HtmlAnalysis {
  const findings: RawFinding[] = [];
  let sawLogin = false;
  let attrs: Attr[] = [];
  let script: { attribs: Record<string, string>; start: number; text: string } | undefined;
  let style: { start: number; text: string } | undefined;

  const runJs = (code: string, offset: number, sourceType: 'module' | 'script', jsx = false) => {
    const result = analyzeJsFast(code, jsx ? 'inline.jsx' : 'inline.js', { sourceType, trusted, jsx });
    for (const f of result.findings) findings.push({ ...f, start: f.start + offset, end: f.end + offset });
    if (result.sawLogin) sawLogin = true;
  };

  const parser: Parser = new Parser(
    {
      onattribute(name, value) {
        const raw = html.slice(parser.startIndex, parser.endIndex + 1);
        const eq = raw.indexOf('=');
        let start = parser.startIndex + raw.length;
        if (eq !== -1) {
          let i = eq + 1;
          while (i < raw.length && /\s/.test(raw[i] as string)) i++;
          if (raw[i] === '"' || raw[i] === "'") i++;
          start = parser.startIndex + i;
        }
        attrs.push({ name, value, start: base + start });
      },
      onopentag(name, attribs) {
        const tagStart = base + parser.startIndex;
        const tagEnd = base + parser.endIndex + 1;
        checkTag(name, attribs, attrs, tagStart, tagEnd);
        for (const attr of attrs) checkAttribute(attr);
        attrs = [];
        if (name === 'script') script = { attribs, start: -1, text: '' };
        if (name === 'style') style = { start: -1, text: '' };
      },
      ontext(text) {
        const target = script ?? style;
        if (!target) return;
        if (target.start === -1) target.start = parser.startIndex;
        target.text += text;
      },
      onclosetag(name) {
        if (name === 'script' && script) {
          const s = script;
          script = undefined;
          if (s.text.trim() !== '' && s.attribs.src === undefined)
            inlineScript(s.attribs, s.text, base + s.start);
        }
        if (name === 'style' && style) {
          const s = style;
          style = undefined;
          for (const f of checkCss(s.text, base + s.start)) findings.push(f);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );

  function external(node: { start: number; end: number }, message: string, url: string): void {
    const parsed = parseAbsoluteUrl(url);
    if (parsed && isVConsole(parsed)) {
      const hint = 'Remove the vConsole debugging script before release (ttdx minis init --no-vconsole).';
      findings.push({
        rule: 'no-external-resource',
        start: node.start,
        end: node.end,
        message,
        hint,
        severity: 'warning',
      });
      return;
    }
    findings.push({ rule: 'no-external-resource', start: node.start, end: node.end, message });
  }

  function checkTag(
    name: string,
    attribs: Record<string, string>,
    list: Attr[],
    start: number,
    end: number,
  ): void {
    const at = (attr: string) => list.find((a) => a.name === attr);
    const span = (attr: string) => {
      const a = at(attr);
      return a ? { start: a.start, end: a.start + a.value.length } : { start, end };
    };
    if (FRAME_TAGS.has(name)) {
      findings.push({
        rule: 'no-iframe',
        start,
        end,
        message: `<${name}> creates a nested browsing context`,
      });
    }
    if (name === 'script' && attribs.src !== undefined) {
      const url = parseAbsoluteUrl(attribs.src);
      if (url && !isSdkScript(url))
        external(span('src'), `<script src> loads remote code from ${attribs.src}`, attribs.src);
    }
    if (name === 'link' && attribs.href !== undefined) {
      const url = parseAbsoluteUrl(attribs.href);
      if (!url) return;
      const rel = (attribs.rel ?? '').toLowerCase().split(/\s+/);
      const as = (attribs.as ?? '').toLowerCase().trim();
      const loadsStyle = rel.includes('stylesheet') || (rel.includes('preload') && as === 'style');
      const loadsScript =
        rel.includes('modulepreload') ||
        rel.includes('import') ||
        (rel.includes('preload') && (as === 'script' || as === 'worker'));
      if (loadsScript && as !== 'font' && !isSdkScript(url)) {
        external(
          span('href'),
          `<link rel="${attribs.rel}"> loads remote code from ${attribs.href}`,
          attribs.href,
        );
      } else if (loadsStyle && !isFontHost(url)) {
        external(
          span('href'),
          `<link rel="${attribs.rel}"> loads a remote stylesheet from ${attribs.href}`,
          attribs.href,
        );
      }
    }
    if (name === 'base' && attribs.href !== undefined && parseAbsoluteUrl(attribs.href)) {
      external(
        span('href'),
        `<base href> makes every relative script and stylesheet load from ${attribs.href}`,
        attribs.href,
      );
    }
  }

  function checkAttribute(attr: Attr): void {
    if (attr.name.startsWith('on') && attr.value.trim() !== '') {
      runJs(`${HANDLER_PREFIX}${attr.value}\n}`, attr.start - HANDLER_PREFIX.length, 'script');
      return;
    }
    if (URL_ATTRS.has(attr.name)) {
      const match = /^[\s\p{Cc}]*javascript:/iu.exec(attr.value);
      if (!match) return;
      let code = attr.value.slice(match[0].length);
      try {
        code = decodeURIComponent(code);
      } catch {
        // Browsers run the text as is when it is not valid percent-encoding.
      }
      runJs(code, attr.start + match[0].length, 'script');
    }
  }

  function inlineScript(attribs: Record<string, string>, text: string, start: number): void {
    const kind = classifyScriptType(attribs.type);
    if (kind === 'classic' || kind === 'module' || kind === 'jsx') {
      runJs(text, start, kind === 'module' ? 'module' : 'script', kind === 'jsx');
    } else if (kind === 'importmap') {
      checkImportMap(text, start);
    } else if (kind === 'html-template' && depth < MAX_TEMPLATE_DEPTH) {
      const inner = checkHtml(text, trusted, start, depth + 1);
      findings.push(...inner.findings);
      if (inner.sawLogin) sawLogin = true;
    }
  }

  function checkImportMap(text: string, start: number): void {
    let map: unknown;
    try {
      map = JSON.parse(text);
    } catch {
      return;
    }
    const urls: string[] = [];
    const collect = (value: unknown) => {
      if (typeof value === 'string') urls.push(value);
      else if (value && typeof value === 'object') for (const v of Object.values(value)) collect(v);
    };
    const m = map as { imports?: unknown; scopes?: unknown };
    collect(m.imports);
    collect(m.scopes);
    for (const url of urls) {
      const parsed = parseAbsoluteUrl(url);
      if (!parsed || isSdkScript(parsed)) continue;
      const at = text.indexOf(url);
      const s = at === -1 ? start : start + at;
      external(
        { start: s, end: s + url.length },
        `the import map points a module at remote code: ${url}`,
        url,
      );
    }
  }

  parser.write(html);
  parser.end();
  return { findings, sawLogin };
}
