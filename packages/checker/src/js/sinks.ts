import type { RawFinding } from '../raw-finding';
import type { TrustedOrigins } from '../urls';
import { isSdkScript, isVConsole, parseAbsoluteUrl, UNKNOWN } from '../urls';
import { type Evaluator, unwrap } from './evaluate';
import type { Node } from './scope';
import { exactString, pathIs, stringOf, type Value } from './values';

/** Calls that turn a tag name into an element: DOM, React/Preact/Vue JSX runtimes. */
const ELEMENT_FACTORIES = new Set([
  'createElement',
  'createElementNS',
  'h',
  'jsx',
  'jsxs',
  'jsxDEV',
  '_jsx',
  '_jsxs',
  '_jsxDEV',
  'createVNode',
  '_createVNode',
  'createElementVNode',
  '_createElementVNode',
  'createElementBlock',
  '_createElementBlock',
  'createBlock',
  '_createBlock',
]);
/** Tags that open a nested browsing context (decision: object/embed count like iframe). */
const FRAME_TAGS = new Set(['iframe', 'frame', 'object', 'embed']);
const FRAME_MARKUP = /<\s*(iframe|frame|object|embed)(?:[\s/>\p{Cc}]|$)/iu;
/** Calls whose string arguments are parsed as HTML (DOM and jQuery-style APIs). */
const HTML_SINK_CALLS = new Set([
  'insertAdjacentHTML',
  'write',
  'writeln',
  'createContextualFragment',
  'setHTMLUnsafe',
  'parseHTMLUnsafe',
  'html',
  'append',
  'prepend',
  'before',
  'after',
  'replaceWith',
  'appendTo',
  'prependTo',
  'insertBefore',
  'insertAfter',
  'wrap',
  'wrapAll',
  'wrapInner',
  '$',
  'jQuery',
]);
const DOM_HTML_SINK_CALLS = new Set([
  'insertAdjacentHTML',
  'write',
  'writeln',
  'createContextualFragment',
  'setHTMLUnsafe',
  'parseHTMLUnsafe',
]);
/** Markup written by these calls runs its scripts (innerHTML and insertAdjacentHTML do not). */
const SCRIPT_RUNNING_HTML_CALLS = new Set(['write', 'writeln', 'createContextualFragment']);
const EXTERNAL_SCRIPT_MARKUP = /<script\b[^>]*?\bsrc\s*=\s*["']?((?:https?:)?\/\/[^"'\s>\p{Cc}]+)/iu;
const HTML_SINK_PROPS = new Set(['innerHTML', 'outerHTML', 'srcdoc']);
const TIMERS = new Set(['setTimeout', 'setInterval', 'setImmediate']);
/** A Map, not an object literal: `navigator.hasOwnProperty` must not find Object.prototype's. */
const NAVIGATOR_RULES = new Map<string, 'no-clipboard' | 'no-geolocation' | 'no-vibrate'>([
  ['clipboard', 'no-clipboard'],
  ['geolocation', 'no-geolocation'],
  ['vibrate', 'no-vibrate'],
  ['webkitVibrate', 'no-vibrate'],
  ['mozVibrate', 'no-vibrate'],
]);
/** Keys of `x.key = …` that checkAssignment reads: the HTML sinks and a script's src. */
const ASSIGNED_KEYS = keySet([...HTML_SINK_PROPS, 'src']);
/** Keys of `x.key` that checkMember reads. */
const MEMBER_KEYS = keySet(['login', ...NAVIGATOR_RULES.keys()]);

/**
 * A set of property names that answers most misses from the name's length alone: isSite asks it
 * about every member expression, whose names are fresh strings that a Set lookup would hash.
 */
function keySet(keys: string[]): (name: string) => boolean {
  const set = new Set(keys);
  const lengths = new Uint8Array(Math.max(...keys.map((k) => k.length)) + 1);
  for (const key of keys) lengths[key.length] = 1;
  return (name) => name.length < lengths.length && lengths[name.length] === 1 && set.has(name);
}

export interface SinkContext {
  ev: Evaluator;
  source: string;
  trusted: TrustedOrigins;
  report: (finding: RawFinding) => void;
  /** Set when a TTMinis.login / TTMinis.game.login reference is seen. */
  sawLogin: () => void;
}

const isReference = (node: Node | null | undefined): boolean =>
  node?.type === 'Identifier' || node?.type === 'MemberExpression';

/**
 * Whether checkSite can do anything at this node (an expression or statement; the walk never asks
 * about the properties of a destructuring pattern, which store nothing). False only where checkSite
 * would return without evaluating anything, so that leaving the node out of the sites changes no
 * finding and no dependency: member expressions whose key no rule reads (most of them), assignments
 * to a name or to an unread key of a non-reference, declarators without an object pattern, calls of
 * a function written in place. Keep in step with checkSite and the functions it calls.
 */
export function isSite(node: Node): boolean {
  switch (node.type) {
    case 'CallExpression':
    case 'NewExpression': {
      // An IIFE: the callee evaluates to a plain function, no name, nothing to check.
      const callee = unwrap(node.callee);
      return (
        callee.type !== 'FunctionExpression' &&
        callee.type !== 'ArrowFunctionExpression' &&
        callee.type !== 'ClassExpression'
      );
    }
    case 'MemberExpression':
      return node.computed || MEMBER_KEYS(node.property.name);
    case 'AssignmentExpression': {
      const left = node.left;
      if (left.type !== 'MemberExpression') return false;
      return left.computed || isReference(node.right) || ASSIGNED_KEYS(left.property.name);
    }
    case 'VariableDeclarator':
      return node.id.type === 'ObjectPattern' && !!node.init;
    case 'ImportExpression':
    case 'ImportDeclaration':
    case 'ExportAllDeclaration':
    case 'ExportNamedDeclaration':
      return !!node.source;
    case 'JSXOpeningElement':
    case 'TaggedTemplateExpression':
      return true;
    // Places that store a function reference for a later call (`{ '%eval%': eval }`, `[eval]`,
    // `return eval`): only plain references are sites, so ordinary literals cost nothing.
    case 'Property':
      return !node.method && node.kind === 'init' && isReference(node.value);
    case 'PropertyDefinition':
      return isReference(node.value);
    case 'ArrayExpression':
      return node.elements.some(isReference);
    case 'ReturnStatement':
      return isReference(node.argument);
    case 'ExportDefaultDeclaration':
      return isReference(node.declaration);
    default:
      return false;
  }
}

export function checkSite(node: Node, ctx: SinkContext): void {
  switch (node.type) {
    case 'CallExpression':
    case 'NewExpression':
      checkCall(node, ctx);
      return;
    case 'MemberExpression':
      checkMember(node, ctx);
      return;
    case 'TaggedTemplateExpression':
      checkTaggedTemplate(node, ctx);
      return;
    case 'AssignmentExpression':
      checkAssignment(node, ctx);
      return;
    case 'ImportExpression':
    case 'ImportDeclaration':
    case 'ExportAllDeclaration':
    case 'ExportNamedDeclaration':
      if (node.source) checkRemoteCode(node.source, ctx, 'imports');
      return;
    case 'VariableDeclarator':
      if (node.id.type === 'ObjectPattern' && node.init) checkDestructuring(node.id, node.init, ctx);
      return;
    case 'Property':
      checkStoredEval(node.value, ctx, 'an object property');
      return;
    case 'PropertyDefinition':
      checkStoredEval(node.value, ctx, 'a class field');
      return;
    case 'ArrayExpression':
      for (const element of node.elements) checkStoredEval(element, ctx, 'an array');
      return;
    case 'ReturnStatement':
      checkStoredEval(node.argument, ctx, 'a return value');
      return;
    case 'ExportDefaultDeclaration':
      checkStoredEval(node.declaration, ctx, 'the default export');
      return;
    case 'JSXOpeningElement': {
      // <iframe …/> in JSX renders an iframe (lower-case names are DOM elements).
      const tag = node.name.type === 'JSXIdentifier' ? String(node.name.name) : '';
      if (FRAME_TAGS.has(tag))
        report(ctx, 'no-iframe', node, `<${tag}> in JSX creates a nested browsing context`);
      return;
    }
  }
}

function report(
  ctx: SinkContext,
  rule: RawFinding['rule'],
  node: Node,
  message: string,
  hint?: string,
): void {
  ctx.report({ rule, start: node.start, end: node.end, message, hint });
}

function calleeName(callee: Node, ctx: SinkContext): string | undefined {
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression') return ctx.ev.key(callee.property, callee.computed);
  return undefined;
}

function checkCall(node: Node, ctx: SinkContext): void {
  const { ev } = ctx;
  const isNew = node.type === 'NewExpression';
  const callee = unwrap(node.callee);
  const args: Node[] = node.arguments;
  const name = calleeName(callee, ctx);

  // fn.call(thisArg, …) / fn.apply(thisArg, [...]) / fn.bind(thisArg, …) of a forbidden function.
  if (
    !isNew &&
    callee.type === 'MemberExpression' &&
    (name === 'call' || name === 'apply' || name === 'bind')
  ) {
    const target = ev.value(callee.object);
    if (checkDangerousCallee(node, target, ctx, `.${name}()`)) return;
    // Function.prototype.call.call(eval, …): the function called is the first argument.
    if (
      args[0] &&
      (pathIs(target, 'Function', 'prototype', 'call') || pathIs(target, 'Function', 'prototype', 'apply'))
    ) {
      if (checkDangerousCallee(node, ev.value(args[0]), ctx, `Function.prototype.${name}`)) return;
    }
    if (target.k === 'path' && target.path.length === 1 && TIMERS.has(target.path[0] as string)) {
      const first = name === 'apply' ? firstOfArrayArg(args[1], ev) : args[1];
      if (first && isStringy(ev.value(first))) reportTimer(node, target.path[0] as string, ctx);
      return;
    }
  }

  // Reflect.apply(fn, this, args) / Reflect.construct(fn, args).
  if (name === 'apply' || name === 'construct') {
    if (callee.type === 'MemberExpression' && pathIs(ev.value(callee.object), 'Reflect') && args[0]) {
      if (checkDangerousCallee(node, ev.value(args[0]), ctx, `Reflect.${name}()`)) return;
    }
  }

  const fn = ev.value(callee);
  if (checkDangerousCallee(node, fn, ctx, isNew ? 'new' : 'call')) return;

  if (fn.k === 'path') {
    const p = fn.path;
    const head = p[0];
    if (p.length === 1 && head !== undefined) {
      if (!isNew && TIMERS.has(head) && args[0] && isStringy(ev.value(args[0]))) reportTimer(node, head, ctx);
      if (head === 'fetch' || head === 'Request' || head === 'WebSocket' || head === 'EventSource') {
        if (args[0]) checkRequestUrl(node, args[0], head, ctx);
      }
      if (head === 'importScripts') for (const arg of args) checkRemoteCode(arg, ctx, 'importScripts loads');
      if (isNew && (head === 'Worker' || head === 'SharedWorker') && args[0])
        checkRemoteCode(args[0], ctx, `new ${head}() loads`);
    }
    if (pathIs(fn, 'navigator', 'sendBeacon') && args[0])
      checkRequestUrl(node, args[0], 'navigator.sendBeacon', ctx);
    if (pathIs(fn, 'TTMinis', 'login') || pathIs(fn, 'TTMinis', 'game', 'login')) ctx.sawLogin();
  }

  if (name === undefined) return;
  if (name === 'open' && callee.type === 'MemberExpression' && args[1]) {
    const receiver = ev.value(callee.object);
    if (receiver.k === 'instance' && receiver.of === 'XMLHttpRequest')
      checkRequestUrl(node, args[1], 'XMLHttpRequest.open', ctx);
  }
  if (ELEMENT_FACTORIES.has(name)) {
    const tagArg = name === 'createElementNS' ? args[1] : args[0];
    const tag = tagArg ? factoryTag(name, tagArg, ev) : undefined;
    if (tag && FRAME_TAGS.has(tag)) {
      report(ctx, 'no-iframe', node, `${name}('${tag}') creates a nested browsing context (<${tag}>)`);
    }
  }
  if (name === 'execCommand' && args[0]) {
    const command = exactString(ev.value(args[0]))?.toLowerCase();
    if (command === 'copy' || command === 'cut' || command === 'paste') {
      report(ctx, 'no-clipboard', node, `execCommand('${command}') accesses the clipboard`);
    }
  }
  if (SCRIPT_RUNNING_HTML_CALLS.has(name)) {
    for (const arg of args) {
      const markup = stringOf(ev.value(arg));
      const src = markup === undefined ? undefined : EXTERNAL_SCRIPT_MARKUP.exec(markup)?.[1];
      if (src) {
        report(
          ctx,
          'no-external-resource',
          node,
          `${name}() writes a <script> that loads remote code from ${src.replaceAll(UNKNOWN, '…')}`,
        );
        break;
      }
    }
  }
  if (HTML_SINK_CALLS.has(name)) {
    // jQuery-style names are common words: only markup that spells a frame tag in place counts.
    const literalOnly = !DOM_HTML_SINK_CALLS.has(name);
    for (const arg of args) {
      if (literalOnly && !/iframe/i.test(ctx.source.slice(arg.start, arg.end))) continue;
      const markup = stringOf(ev.value(arg));
      const tag = markup === undefined ? undefined : FRAME_MARKUP.exec(markup);
      if (tag) {
        const t = (tag[1] ?? 'iframe').toLowerCase();
        report(ctx, 'no-iframe', node, `${name}() writes markup containing <${t}>`);
        break;
      }
    }
  }
  if (name === 'setAttribute' && callee.type === 'MemberExpression' && args[1]) {
    const attr = exactString(ev.value(args[0]))?.toLowerCase();
    if (attr === 'src' && isScriptElement(ev.value(callee.object)))
      checkRemoteCode(args[1], ctx, 'a <script> element loads');
  }
  // eval passed as a callback (`promise.then(eval)`) is a call of eval.
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.type === 'Identifier' || arg.type === 'MemberExpression') {
      if (pathIs(ev.value(arg), 'eval'))
        report(ctx, 'no-eval', arg, 'eval is passed as a function to be called');
    }
  }
}

/**
 * The tag given to an element factory. DOM createElement folds constants; the short JSX
 * factory names (h, jsx, …) only count with the tag written in place ('iframe' or a
 * const bound to it), since minified code reuses such names for anything.
 */
function factoryTag(name: string, arg: Node, ev: Evaluator): string | undefined {
  if (name !== 'createElement' && name !== 'createElementNS') {
    const direct = arg.type === 'Literal' || (arg.type === 'TemplateLiteral' && arg.expressions.length === 0);
    if (!direct && arg.type !== 'Identifier') return undefined;
    const tag = exactString(ev.value(arg))?.trim().toLowerCase();
    return tag === 'iframe' || tag === 'frame' ? tag : undefined;
  }
  return exactString(ev.value(arg))?.trim().toLowerCase();
}

/** eval / Function (and AsyncFunction…) as the function being called. */
function checkDangerousCallee(node: Node, fn: Value, ctx: SinkContext, how: string): boolean {
  if (pathIs(fn, 'eval') || pathIs(fn, 'execScript')) {
    const api = fn.k === 'path' ? fn.path[0] : 'eval';
    report(ctx, 'no-eval', node, `${api} is called (${how}): it runs a string as code`);
    return true;
  }
  if (pathIs(fn, 'Function')) {
    report(
      ctx,
      'no-new-function',
      node,
      `the Function constructor is called (${how}): it compiles a string into code`,
    );
    return true;
  }
  return false;
}

/**
 * ``Function`alert(1)` ``, ``setTimeout`x()` ``: a tag is called with the template's strings, an
 * array that Function and the timers turn into its text and run as code. (eval returns an array
 * unchanged: nothing runs.)
 */
function checkTaggedTemplate(node: Node, ctx: SinkContext): void {
  const fn = ctx.ev.value(unwrap(node.tag));
  if (fn.k !== 'path' || fn.path.length !== 1) return;
  const head = fn.path[0] as string;
  if (TIMERS.has(head)) reportTimer(node, head, ctx);
  else if (head === 'Function') {
    report(
      ctx,
      'no-new-function',
      node,
      'the Function constructor is called as a template tag: it compiles the template into code',
    );
  }
}

function reportTimer(node: Node, timer: string, ctx: SinkContext): void {
  report(ctx, 'no-string-timer', node, `${timer} is given a string, which is evaluated as code`);
}

/** A value that is certainly a string (literal, template, concatenation with a string, String()). */
function isStringy(value: Value): boolean {
  return value.k === 'str';
}

function firstOfArrayArg(arg: Node | undefined, ev: Evaluator): Node | undefined {
  const value = arg ? ev.value(arg) : undefined;
  return value?.k === 'array' ? value.node.elements[0] : undefined;
}

function isScriptElement(value: Value): boolean {
  return value.k === 'element' && value.tag === 'script';
}

function checkRequestUrl(node: Node, arg: Node, api: string, ctx: SinkContext): void {
  const text = stringOf(ctx.ev.value(arg));
  if (text === undefined) return;
  const url = parseAbsoluteUrl(text);
  if (!url || ctx.trusted.has(url)) return;
  const shown = text.replaceAll(UNKNOWN, '…');
  report(
    ctx,
    'no-untrusted-request',
    node,
    `${api} requests ${shown}, whose origin ${url.scheme}://${url.host} is not a trusted domain`,
  );
}

function checkRemoteCode(arg: Node, ctx: SinkContext, what: string): void {
  const text = stringOf(ctx.ev.value(arg));
  if (text === undefined) return;
  const url = parseAbsoluteUrl(text);
  if (!url || isSdkScript(url)) return;
  const shown = text.replaceAll(UNKNOWN, '…');
  const hint = isVConsole(url) ? 'Remove the vConsole debugging script before release.' : undefined;
  ctx.report({
    rule: 'no-external-resource',
    start: arg.start,
    end: arg.end,
    message: `${what} remote code from ${shown}`,
    hint,
  });
}

function checkMember(node: Node, ctx: SinkContext): void {
  const { ev } = ctx;
  const key = ev.key(node.property, node.computed);
  if (key === undefined) return;
  if (key === 'login') {
    const value = ev.value(node);
    if (pathIs(value, 'TTMinis', 'login') || pathIs(value, 'TTMinis', 'game', 'login')) ctx.sawLogin();
    return;
  }
  const rule = NAVIGATOR_RULES.get(key);
  if (!rule) return;
  if (pathIs(ev.value(node.object), 'navigator'))
    report(ctx, rule, node, `navigator.${key} is a forbidden Web API`);
}

function checkDestructuring(pattern: Node, init: Node, ctx: SinkContext): void {
  const source = ctx.ev.value(init);
  if (!pathIs(source, 'navigator')) return;
  for (const prop of pattern.properties) {
    if (prop.type !== 'Property') continue;
    const key = ctx.ev.key(prop.key, prop.computed);
    const rule = key === undefined ? undefined : NAVIGATOR_RULES.get(key);
    if (rule) report(ctx, rule, prop, `navigator.${key} is a forbidden Web API (destructured)`);
  }
}

/**
 * eval stored where it can be called later (a table, an array, a property, a return value):
 * the call itself is out of sight, so the reference is the use (get-intrinsic's
 * `{ '%eval%': eval }` hands it out by name). Aliases in variables are followed to their
 * calls instead, and `typeof eval` or `x === eval` store nothing.
 */
function checkStoredEval(value: Node | null | undefined, ctx: SinkContext, where: string): void {
  if (value?.type !== 'Identifier' && value?.type !== 'MemberExpression') return;
  if (pathIs(ctx.ev.value(value), 'eval'))
    report(ctx, 'no-eval', value, `eval is stored in ${where}, from where it can be called later`);
}

function checkAssignment(node: Node, ctx: SinkContext): void {
  const left = node.left;
  if (left.type !== 'MemberExpression') return;
  checkStoredEval(node.right, ctx, 'a property');
  const { ev } = ctx;
  const key = ev.key(left.property, left.computed);
  if (key === undefined) return;
  if (HTML_SINK_PROPS.has(key)) {
    const markup = stringOf(ev.value(node.right));
    const tag = markup === undefined ? undefined : FRAME_MARKUP.exec(markup);
    if (tag || key === 'srcdoc') {
      const t = tag ? (tag[1] ?? 'iframe').toLowerCase() : 'iframe';
      report(
        ctx,
        'no-iframe',
        node,
        key === 'srcdoc'
          ? 'srcdoc sets the document of an iframe'
          : `${key} is set to markup containing <${t}>`,
      );
    }
    return;
  }
  if (key === 'src' && isScriptElement(ev.value(left.object)))
    checkRemoteCode(node.right, ctx, 'a <script> element loads');
}
