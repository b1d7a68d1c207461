import { UNKNOWN } from '../urls';
import type { Node } from './scope';

/**
 * What the evaluator knows about an expression. `path` is a property path from the global
 * object (`[]` is the global object itself, `['eval']` the global eval, `['navigator','vibrate']`…).
 */
export type Value =
  | { k: 'unknown' }
  | { k: 'path'; path: readonly string[] }
  | { k: 'str'; s: string }
  | { k: 'num'; n: number }
  | { k: 'fn' }
  /** The prototype of a function (`Object.getPrototypeOf(async function(){})`): its constructor is a Function constructor. */
  | { k: 'fnproto' }
  /** `x.constructor` of an unknown x: a constructor function, whose own `.constructor` is Function. */
  | { k: 'ctorOf' }
  | { k: 'array'; node: Node }
  /** An array of known strings (`'lave'.split('')`, `.reverse()`). */
  | { k: 'strs'; items: string[] }
  | { k: 'object'; node: Node }
  | { k: 'instance'; of: string }
  | { k: 'element'; tag: string };

export const UNKNOWN_VALUE: Value = Object.freeze({ k: 'unknown' });
export const GLOBAL_OBJECT: Value = Object.freeze({ k: 'path', path: Object.freeze([]) });

/**
 * Names that denote the global object in a browser page (window.top/parent/frames included, and the
 * opener's window, whose eval runs code as well).
 */
export const GLOBAL_OBJECT_NAMES = new Set([
  'window',
  'self',
  'globalThis',
  'top',
  'parent',
  'frames',
  'global',
  'opener',
]);

/** Global functions and constructors whose `.constructor` is `Function`. */
const GLOBAL_FUNCTIONS = new Set([
  'Function',
  'Object',
  'Array',
  'String',
  'Number',
  'Boolean',
  'Symbol',
  'BigInt',
  'RegExp',
  'Date',
  'Error',
  'TypeError',
  'Promise',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'Proxy',
  'eval',
  'setTimeout',
  'setInterval',
  'fetch',
  'alert',
  'parseInt',
  'parseFloat',
  'isNaN',
  'escape',
  'unescape',
  'atob',
  'btoa',
  'decodeURI',
  'encodeURI',
  'decodeURIComponent',
  'encodeURIComponent',
  'XMLHttpRequest',
  'WebSocket',
  'EventSource',
  'Request',
]);

const FUNCTION_VALUE: Value = Object.freeze({ k: 'fn' });

/** Methods every object inherits from Object.prototype: functions, whose `.constructor` is Function. */
export const OBJECT_METHODS = new Set([
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toString',
  'toLocaleString',
  'valueOf',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);
const ARRAY_METHODS = new Set(
  'at concat copyWithin entries every fill filter find findIndex findLast findLastIndex flat flatMap forEach includes indexOf join keys lastIndexOf map pop push reduce reduceRight reverse shift slice some sort splice unshift values toReversed toSorted toSpliced with'.split(
    ' ',
  ),
);
const STRING_METHODS = new Set(
  'at charAt charCodeAt codePointAt concat endsWith includes indexOf lastIndexOf localeCompare match matchAll normalize padEnd padStart repeat replace replaceAll search slice split startsWith substring substr toLowerCase toUpperCase toLocaleLowerCase toLocaleUpperCase trim trimStart trimEnd trimLeft trimRight anchor big blink bold fixed fontcolor fontsize italics link small strike sub sup'.split(
    ' ',
  ),
);
const NUMBER_METHODS = new Set(['toFixed', 'toPrecision', 'toExponential']);
const FUNCTION_METHODS = new Set(['call', 'apply', 'bind']);

/** `[].filter`, `''.big`, `(1).toFixed`: a builtin method of a known value, a function. */
function builtinMethod(obj: Value, key: string): Value | undefined {
  let methods: Set<string> | undefined;
  if (obj.k === 'array' || obj.k === 'strs') methods = ARRAY_METHODS;
  else if (obj.k === 'str') methods = STRING_METHODS;
  else if (obj.k === 'num') methods = NUMBER_METHODS;
  else if (obj.k === 'fn') methods = FUNCTION_METHODS;
  else return undefined;
  return methods.has(key) || OBJECT_METHODS.has(key) ? FUNCTION_VALUE : undefined;
}

export function path(p: readonly string[]): Value {
  return { k: 'path', path: p };
}

/**
 * Whether `value` is exactly the global path a.b.c (one to three segments). Fixed parameters rather
 * than a rest array: this runs several times per call site and must not allocate.
 */
export function pathIs(value: Value, a: string, b?: string, c?: string): boolean {
  if (value.k !== 'path') return false;
  const p = value.path;
  const length = b === undefined ? 1 : c === undefined ? 2 : 3;
  return p.length === length && p[0] === a && (length < 2 || p[1] === b) && (length < 3 || p[2] === c);
}

/** `obj[key]` / `obj.key` for a known key. */
export function memberOf(obj: Value, key: string): Value {
  if (key === 'constructor') return constructorOf(obj);
  // `context.Function`, `frame.contentWindow.Function`: a property named Function is the
  // Function constructor of some realm (lodash's runInContext does exactly this).
  if (key === 'Function') return path(['Function']);
  switch (obj.k) {
    case 'path':
      if (obj.path.length === 0 && GLOBAL_OBJECT_NAMES.has(key)) return obj;
      // `document.defaultView` is the window.
      if (key === 'defaultView' && obj.path.length === 1 && obj.path[0] === 'document') return GLOBAL_OBJECT;
      return obj.path.length < 6 ? path([...obj.path, key]) : UNKNOWN_VALUE;
    default:
      // `f.prototype` is an ordinary object whose constructor is `f` itself: unknown.
      return builtinMethod(obj, key) ?? UNKNOWN_VALUE;
  }
}

function constructorOf(obj: Value): Value {
  switch (obj.k) {
    case 'str':
      return path(['String']);
    case 'num':
      return path(['Number']);
    case 'array':
    case 'strs':
      return path(['Array']);
    case 'object':
      return path(['Object']);
    case 'fn':
    case 'fnproto':
    case 'ctorOf':
      return path(['Function']);
    case 'instance':
      return path([obj.of]);
    case 'path': {
      const p = obj.path;
      if (p.length === 1 && GLOBAL_FUNCTIONS.has(p[0] as string)) return path(['Function']);
      if (p.length >= 2 && p[p.length - 1] === 'prototype') return path(p.slice(0, -1));
      if (p.length === 3 && p[1] === 'prototype') return path(['Function']);
      return { k: 'ctorOf' };
    }
    default:
      return { k: 'ctorOf' };
  }
}

/** The text of a string-like value, UNKNOWN marking parts that are not constant. */
export function stringOf(value: Value): string | undefined {
  if (value.k === 'str') return value.s;
  if (value.k === 'num') return String(value.n);
  return undefined;
}

/** A string with no unknown part. */
export function exactString(value: Value): string | undefined {
  const s = stringOf(value);
  return s !== undefined && !s.includes(UNKNOWN) ? s : undefined;
}

/** Global paths through which a finding can be reached (`''` is the global object itself). */
const DANGEROUS_PATHS = new Set([
  '',
  'eval',
  'execScript',
  'Function',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'navigator',
  'navigator.sendBeacon',
  'fetch',
  'Request',
  'XMLHttpRequest',
  'WebSocket',
  'EventSource',
  'importScripts',
  'TTMinis',
  'TTMinis.game',
  'TTMinis.login',
  'TTMinis.game.login',
]);

/**
 * A binding whose value can turn a use without any trigger word into a finding: an alias of a
 * dangerous global, a script element (`.src =`), an XHR (`.open()`), an iframe tag name (`h(tag)`).
 */
export function isSensitive(value: Value): boolean {
  switch (value.k) {
    case 'path':
      return isDangerousPath(value.path);
    case 'element':
      return value.tag === 'script';
    case 'instance':
      return value.of === 'XMLHttpRequest';
    case 'str': {
      // Only a string holding `frame` (any case) can be one after trim and lower-casing: no other
      // character lower-cases to an ASCII letter of it. Tested first, without copying the string.
      if (!FRAME_WORD.test(value.s)) return false;
      const tag = value.s.trim().toLowerCase();
      return tag === 'iframe' || tag === 'frame';
    }
    default:
      return false;
  }
}

const FRAME_WORD = /frame/i;
/** First segments of the dangerous paths with more than one. */
const DANGEROUS_HEADS = new Set(
  [...DANGEROUS_PATHS].filter((p) => p.includes('.')).map((p) => p.split('.')[0] as string),
);

/**
 * `DANGEROUS_PATHS.has(path.join('.'))` without building the string (this runs at every use of a
 * binding): a longer path can only match when its head starts a dotted dangerous path.
 */
function isDangerousPath(path: readonly string[]): boolean {
  if (path.length === 0) return true;
  const head = path[0] as string;
  if (path.length === 1) return DANGEROUS_PATHS.has(head);
  if (!DANGEROUS_HEADS.has(head) && !head.includes('.')) return false;
  return DANGEROUS_PATHS.has(path.join('.'));
}

const CALL_FORMS = ['call', 'apply', 'bind'];

/**
 * For a sensitive value, the property names `x.p` through which a use of `x` can still lead to a
 * finding without a trigger word in place (`e.call(…)` for an eval alias, `w.self[k]` for a window
 * alias, `xhr.open(…)`, `script.src = …`); other `x.p` uses cannot. Undefined: every use matters.
 */
export function propertiesThatMatter(value: Value): readonly string[] | undefined {
  switch (value.k) {
    case 'path': {
      const p = value.path.join('.');
      if (p === '' || p === 'navigator' || p === 'TTMinis' || p === 'TTMinis.game')
        return [...GLOBAL_OBJECT_NAMES];
      return CALL_FORMS;
    }
    case 'instance':
      return ['open'];
    case 'element':
      return ['src', 'setAttribute'];
    case 'str':
      return [];
    default:
      return undefined;
  }
}
