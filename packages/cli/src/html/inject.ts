import { Parser } from 'htmlparser2';

export const SDK_SCRIPT_URL = 'https://connect.tiktok-minis.com/drama/sdk.js';
export const VCONSOLE_SCRIPT_URL = 'https://unpkg.com/vconsole@latest/dist/vconsole.min.js';
const VCONSOLE_INIT_TEXT = 'var vConsole = new window.VConsole();';
/** Written when no client key is known; `init --client-key` later replaces it. */
export const CLIENT_KEY_PLACEHOLDER = 'YOUR_CLIENT_KEY';

export interface InjectOptions {
  clientKey?: string;
  vconsole: boolean;
}

export interface InjectResult {
  html: string;
  changed: boolean;
  /** What was changed, for the report ("added the SDK <script>", "removed vConsole", ...). */
  added: string[];
  /** Things the developer should look at; nothing was changed for them. */
  warnings: string[];
}

export class NoHeadError extends Error {
  constructor() {
    super('no <head> element');
    this.name = 'NoHeadError';
  }
}

interface ScriptTag {
  start: number;
  /** Offset just after `</script>`. */
  end: number;
  src: string | undefined;
  text: string;
  /** Offset where the inline text starts (after `<script ...>`). */
  textStart: number;
  inHead: boolean;
}

interface Scan {
  headOpenEnd: number | undefined;
  scripts: ScriptTag[];
}

/** Locates `<head>` and every `<script>` by offset; the text itself is never re-serialised. */
function scan(html: string): Scan {
  const result: Scan = { headOpenEnd: undefined, scripts: [] };
  let inHead = false;
  let current: ScriptTag | undefined;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'head' && result.headOpenEnd === undefined) {
        result.headOpenEnd = parser.endIndex + 1;
        inHead = true;
      } else if (name === 'script') {
        current = {
          start: parser.startIndex,
          end: -1,
          src: attributes.src,
          text: '',
          textStart: parser.endIndex + 1,
          inHead,
        };
      }
    },
    ontext(text) {
      if (current !== undefined) current.text += text;
    },
    onclosetag(name) {
      if (name === 'script' && current !== undefined) {
        current.end = parser.endIndex + 1;
        result.scripts.push(current);
        current = undefined;
      } else if (name === 'head') {
        inHead = false;
      }
    },
  });
  parser.write(html);
  parser.end();
  return result;
}

const isSdk = (s: ScriptTag) =>
  s.src !== undefined && /connect\.tiktok-minis\.com|\/js\/minis\.js/i.test(s.src);
const isInit = (s: ScriptTag) => /TTMinis\s*\.\s*init\s*\(/.test(s.text);
const isVconsoleLib = (s: ScriptTag) => s.src !== undefined && /vconsole/i.test(s.src);
const isVconsoleInit = (s: ScriptTag) => /new\s+(?:window\.)?VConsole\s*\(/.test(s.text);
const PLACEHOLDER = /clientKey\s*:\s*(?:`\$\{your_client_key\}`|(["'`])YOUR_CLIENT_KEY\1)/;

function initScript(clientKey: string | undefined): string {
  return `<script>TTMinis.init({ clientKey: "${clientKey ?? CLIENT_KEY_PLACEHOLDER}" });</script>`;
}

/** Indentation of the line holding `offset`. */
function indentAt(html: string, offset: number): string {
  const lineStart = html.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(html.slice(lineStart, offset))?.[0] ?? '';
}

/**
 * Adds the SDK script (first script in `<head>`), the `TTMinis.init` call and optionally vConsole
 * (spec §3.1 `init`). Idempotent: what is already there is kept, and every byte outside the inserted
 * lines stays as it was. Throws `NoHeadError` when the document has no `<head>`.
 */
export function injectSdk(html: string, options: InjectOptions): InjectResult {
  const { headOpenEnd, scripts } = scan(html);
  if (headOpenEnd === undefined) throw new NoHeadError();
  const newline = html.includes('\r\n') ? '\r\n' : '\n';
  const childIndent = /^\r?\n([ \t]*)\S/.exec(html.slice(headOpenEnd))?.[1];
  const indent = childIndent ?? `${indentAt(html, headOpenEnd)}  `;
  const added: string[] = [];
  const warnings: string[] = [];
  const insertions: Array<{ at: number; lines: string[] }> = [];
  const replacements: Array<{ start: number; end: number; text: string }> = [];

  const sdk = scripts.find(isSdk);
  const init = scripts.find(isInit);
  const headScripts = scripts.filter((s) => s.inHead);
  if (sdk !== undefined && headScripts[0] !== sdk) {
    warnings.push(
      'the SDK <script> is not the first script in <head>; move it there so TTMinis exists before other scripts run',
    );
  }
  if (sdk !== undefined && init !== undefined && init.start < sdk.start) {
    warnings.push('TTMinis.init is called before the SDK <script>; it must come right after it');
  }

  const block: string[] = [];
  if (sdk === undefined) {
    block.push(`<script src="${SDK_SCRIPT_URL}"></script>`);
    added.push('added the SDK <script>');
  }
  if (init === undefined) {
    block.push(initScript(options.clientKey));
    added.push('added the TTMinis.init call');
  } else if (options.clientKey !== undefined && PLACEHOLDER.test(init.text)) {
    const match = PLACEHOLDER.exec(init.text) as RegExpExecArray;
    const start = init.textStart + match.index;
    replacements.push({ start, end: start + match[0].length, text: `clientKey: "${options.clientKey}"` });
    added.push('set the client key in TTMinis.init');
  }
  if (options.vconsole && !scripts.some(isVconsoleLib)) {
    block.push(`<script src="${VCONSOLE_SCRIPT_URL}"></script>`);
    if (!scripts.some(isVconsoleInit)) block.push(`<script>${VCONSOLE_INIT_TEXT}</script>`);
    added.push('added vConsole');
  }
  if (!options.vconsole) {
    // Undo exactly what init added earlier; anything else mentioning vConsole is the developer's own.
    for (const script of scripts) {
      const ours =
        (script.src === VCONSOLE_SCRIPT_URL && script.text === '') || script.text === VCONSOLE_INIT_TEXT;
      if (!ours) continue;
      const lead = /\r?\n[ \t]*$/.exec(html.slice(0, script.start))?.[0].length ?? 0;
      replacements.push({ start: script.start - lead, end: script.end, text: '' });
      if (!added.includes('removed vConsole')) added.push('removed vConsole');
    }
    if (
      scripts.some(
        (s) =>
          (isVconsoleLib(s) || isVconsoleInit(s)) &&
          !s.text.includes(VCONSOLE_INIT_TEXT) &&
          s.src !== VCONSOLE_SCRIPT_URL,
      )
    ) {
      warnings.push('a vConsole script not added by init is still there; remove it before release');
    }
  }
  if (block.length > 0) {
    // New tags go first in <head> when the SDK is missing, else right after the SDK tag and its init call.
    let at = headOpenEnd;
    if (sdk !== undefined) at = init !== undefined && init.start > sdk.start ? init.end : sdk.end;
    insertions.push({ at, lines: block });
  }
  if (init !== undefined && options.clientKey === undefined && PLACEHOLDER.test(init.text)) {
    warnings.push(`TTMinis.init still has the placeholder client key; rerun with --client-key <key>`);
  }

  const edits = [
    ...insertions.map(({ at, lines }) => ({
      start: at,
      end: at,
      text: lines.map((l) => `${newline}${indent}${l}`).join(''),
    })),
    ...replacements,
  ].sort((a, b) => b.start - a.start);
  let out = html;
  for (const edit of edits) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return { html: out, changed: out !== html, added, warnings };
}
