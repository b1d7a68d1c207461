import { UNKNOWN } from '../urls';
import type { Binding, Node, Scope } from './scope';
import {
  exactString,
  GLOBAL_OBJECT,
  GLOBAL_OBJECT_NAMES,
  isSensitive,
  memberOf,
  OBJECT_METHODS,
  path,
  pathIs,
  stringOf,
  UNKNOWN_VALUE,
  type Value,
} from './values';

const MAX_DEPTH = 40;
/**
 * Folded strings longer than this keep their prefix and end in UNKNOWN: what rules read from a
 * string (a key, a URL's origin, a tag, `<iframe`) is short, and unbounded folding of data strings
 * costs time and memory.
 */
const MAX_STRING = 4096;
const MAX_ITEMS = 256;
/** Dependencies remembered with a cached binding value; distinct ones are few in real code. */
const MAX_CACHED_DEPENDENCIES = 512;

const NOTHING: never[] = [];
/** Lists this long are searched linearly when removing repeats; longer ones get a Set. */
const LINEAR_UNIQUE = 16;

/**
 * `items[from…]` without repeats of the same first two fields (name and scope start, or a span),
 * in first-seen order, at most MAX_CACHED_DEPENDENCIES. Most lists are short: compared in place,
 * without building keys.
 */
function uniqueFrom<T extends readonly [unknown, unknown, ...unknown[]]>(items: T[], from: number): T[] {
  if (from >= items.length) return NOTHING;
  const out: T[] = [];
  let seen: Set<string> | undefined;
  for (let i = from; i < items.length; i++) {
    const item = items[i] as T;
    if (seen === undefined) {
      let repeat = false;
      for (let j = 0; j < out.length && !repeat; j++) {
        const o = out[j] as T;
        repeat = o[0] === item[0] && o[1] === item[1];
      }
      if (repeat) continue;
      out.push(item);
      if (out.length >= LINEAR_UNIQUE) seen = new Set(out.map((o) => `${o[0]}:${o[1]}`));
    } else {
      const key = `${item[0]}:${item[1]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(item);
    }
    if (out.length >= MAX_CACHED_DEPENDENCIES) break;
  }
  return out;
}

interface CachedValue {
  value: Value;
  resolved: Dependency[];
  consulted: Array<[number, number]>;
}

/** Evaluation steps per site: far more than any real expression needs. */
const MAX_STEPS = 20_000;

function str(s: string): Value {
  return { k: 'str', s: s.length > MAX_STRING ? s.slice(0, MAX_STRING) + UNKNOWN : s };
}

/**
 * A name some conclusion depends on, the source range where that name means the same binding,
 * and, when only some property accesses `name.p` can matter, those property names.
 */
export type Dependency = [name: string, start: number, end: number, properties?: readonly string[]];

/**
 * Constant folding and alias resolution over the ESTree of one file. Knows just enough to see
 * through the disguises of forbidden APIs: global-object paths, string folding, bindings that are
 * never reassigned, `.constructor` chains. Anything else is `unknown` (never a finding).
 */
export class Evaluator {
  /** Names resolved since the last reset, with the range of their scope (see fast.ts: exactness of blanking). */
  readonly resolved: Dependency[] = [];
  /** Object literals whose properties were read: [start, end) (blanking must keep them, fast.ts). */
  readonly consulted: Array<[number, number]> = [];
  /** Set when a name resolved since the last reset holds a sensitive value (values.ts isSensitive). */
  touchedSensitive = false;

  constructor(
    private readonly scopeOf: (node: Node) => Scope,
    private readonly isModule: boolean,
  ) {}

  /** Evaluation steps left for the current site (see resetBudget): bounds adversarial input. */
  private budget = MAX_STEPS;

  resetBudget(): void {
    this.budget = MAX_STEPS;
  }

  value(node: Node, depth = 0): Value {
    if (!node || depth > MAX_DEPTH || --this.budget < 0) return UNKNOWN_VALUE;
    const d = depth + 1;
    switch (node.type) {
      case 'Identifier':
        return this.identifier(node, d);
      case 'Literal':
        if (typeof node.value === 'string') return { k: 'str', s: node.value };
        if (typeof node.value === 'number') return { k: 'num', n: node.value };
        return UNKNOWN_VALUE;
      case 'TemplateLiteral':
        return this.template(node, d);
      case 'TaggedTemplateExpression':
        // String.raw`…` is a string; other tags may return anything.
        return pathIs(this.value(node.tag, d), 'String', 'raw')
          ? this.template(node.quasi, d, true)
          : UNKNOWN_VALUE;
      case 'BinaryExpression':
        return node.operator === '+' ? this.concat(node, d) : UNKNOWN_VALUE;
      case 'MemberExpression':
        return this.member(node, d);
      case 'ChainExpression':
      case 'ParenthesizedExpression':
      case 'TSAsExpression':
      case 'TSNonNullExpression':
        return this.value(node.expression, d);
      case 'SequenceExpression':
        return this.value(node.expressions[node.expressions.length - 1], d);
      case 'AssignmentExpression':
        return node.operator === '=' ? this.value(node.right, d) : UNKNOWN_VALUE;
      case 'LogicalExpression':
        return pickDangerous(this.value(node.left, d), this.value(node.right, d));
      case 'ConditionalExpression':
        return pickDangerous(this.value(node.consequent, d), this.value(node.alternate, d));
      case 'ThisExpression':
        return this.scopeOf(node).thisIsGlobal(this.isModule) ? GLOBAL_OBJECT : UNKNOWN_VALUE;
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
      case 'ClassExpression':
        return { k: 'fn' };
      case 'ArrayExpression':
        return { k: 'array', node };
      case 'ObjectExpression':
        return { k: 'object', node };
      case 'CallExpression':
        return this.call(node, d);
      case 'NewExpression':
        return this.construct(node, d);
      default:
        return UNKNOWN_VALUE;
    }
  }

  /** The property name of a member expression or pattern key, folded when computed. */
  key(property: Node, computed: boolean, depth = 0): string | undefined {
    if (!computed) {
      if (property.type === 'Identifier' || property.type === 'PrivateIdentifier') return property.name;
      return exactString(this.value(property, depth));
    }
    return exactString(this.value(property, depth));
  }

  identifier(node: Node, depth: number): Value {
    const name: string = node.name;
    if (name === 'undefined') return UNKNOWN_VALUE;
    const binding = this.scopeOf(node).resolve(name);
    if (!binding) {
      this.resolved.push([name, 0, Number.MAX_SAFE_INTEGER]);
      return GLOBAL_OBJECT_NAMES.has(name) ? GLOBAL_OBJECT : path([name]);
    }
    // The same record for every use of a binding (nobody mutates dependencies).
    binding.dependency ??= [binding.name, binding.scope.start, binding.scope.end];
    this.resolved.push(binding.dependency);
    const value = this.bindingValue(binding, depth);
    if (isSensitive(value)) this.touchedSensitive = true;
    return value;
  }

  bindingValue(binding: Binding, depth: number): Value {
    if (binding.reassigned) return UNKNOWN_VALUE;
    const cached = binding.value as CachedValue | undefined;
    if (cached) {
      // What the value depended on still counts for the site asking (fast.ts exactness).
      // Indexed loops: this runs for every use of a cached binding.
      const { resolved, consulted } = cached;
      for (let i = 0; i < resolved.length; i++) this.resolved.push(resolved[i] as Dependency);
      for (let i = 0; i < consulted.length; i++) this.consulted.push(consulted[i] as [number, number]);
      return cached.value;
    }
    if (binding.evaluating) return UNKNOWN_VALUE;
    const resolvedFrom = this.resolved.length;
    const consultedFrom = this.consulted.length;
    let value: Value = UNKNOWN_VALUE;
    binding.evaluating = true;
    if (binding.kind === 'function' || binding.kind === 'class') value = { k: 'fn' };
    else if (binding.kind === 'var' || binding.kind === 'let' || binding.kind === 'const') {
      if (binding.init && binding.initKey) {
        const key = this.key(binding.initKey, binding.initKeyComputed ?? false, depth);
        value = key === undefined ? UNKNOWN_VALUE : memberOf(this.value(binding.init, depth), key);
      } else if (binding.init) value = this.value(binding.init, depth);
    }
    binding.evaluating = false;
    // Cached at any depth: re-evaluating shared bindings (a1 = a0 + a0, a2 = a1 + a1, …) would be
    // exponential. A binding first reached at the depth limit stays unknown (MAX_DEPTH is far
    // beyond what real aliasing needs). Dependencies are kept with the value, bounded.
    const entry: CachedValue = {
      value,
      resolved: uniqueFrom(this.resolved, resolvedFrom),
      consulted: uniqueFrom(this.consulted, consultedFrom),
    };
    binding.value = entry;
    return value;
  }

  /**
   * bindingValue(binding) for deciding whether the binding is sensitive (analyze.ts, after every
   * site), without the work that cannot change that answer: a cached value is returned without
   * replaying its dependencies, and an initialiser that is a function, class, object, array or
   * non-string literal is not evaluated (it reads no other binding, so nothing else's cache depends
   * on it being evaluated now).
   */
  valueForSensitivity(binding: Binding): Value {
    if (binding.reassigned) return UNKNOWN_VALUE;
    const cached = binding.value as CachedValue | undefined;
    if (cached) return cached.value;
    if (binding.initKey === undefined && binding.init) {
      const init = binding.init;
      switch (init.type) {
        case 'FunctionExpression':
        case 'ArrowFunctionExpression':
        case 'ClassExpression':
        case 'ObjectExpression':
        case 'ArrayExpression':
          return UNKNOWN_VALUE;
        case 'Literal':
          if (typeof init.value !== 'string') return UNKNOWN_VALUE;
      }
    }
    this.resetBudget();
    return this.bindingValue(binding, 0);
  }

  member(node: Node, depth: number): Value {
    const key = this.key(node.property, node.computed, depth);
    if (key === undefined) return UNKNOWN_VALUE;
    return this.memberValue(this.value(node.object, depth), key, depth);
  }

  private memberValue(obj: Value, key: string, depth: number): Value {
    if (isIndex(key)) {
      if (obj.k === 'array') return this.value(obj.node.elements[Number(key)], depth);
      if (obj.k === 'strs') {
        const item = obj.items[Number(key)];
        return item === undefined ? UNKNOWN_VALUE : { k: 'str', s: item };
      }
      return UNKNOWN_VALUE;
    }
    if (obj.k === 'object' && key !== 'constructor') return this.objectProperty(obj.node, key, depth);
    return memberOf(obj, key);
  }

  private objectProperty(object: Node, key: string, depth: number): Value {
    this.consulted.push([object.start, object.end]);
    let found: Value = UNKNOWN_VALUE;
    let own = false;
    for (const prop of object.properties) {
      if (prop.type !== 'Property') return UNKNOWN_VALUE; // a spread may override anything
      if (this.key(prop.key, prop.computed, depth) !== key) continue;
      own = true;
      if (prop.kind === 'init') found = this.value(prop.value, depth);
    }
    // Not its own: `({}).hasOwnProperty` is Object.prototype's, a function.
    return own || !OBJECT_METHODS.has(key) ? found : { k: 'fn' };
  }

  private template(node: Node, depth: number, raw = false): Value {
    let s = '';
    node.quasis.forEach((quasi: Node, i: number) => {
      s += (raw ? quasi.value.raw : quasi.value.cooked) ?? UNKNOWN;
      const expr = node.expressions[i];
      if (expr) s += stringOf(this.value(expr, depth)) ?? UNKNOWN;
    });
    return str(s);
  }

  private concat(node: Node, depth: number): Value {
    const left = this.value(node.left, depth);
    const right = this.value(node.right, depth);
    if (left.k === 'num' && right.k === 'num') return { k: 'num', n: left.n + right.n };
    if (left.k !== 'str' && right.k !== 'str') return UNKNOWN_VALUE;
    return str((stringOf(left) ?? UNKNOWN) + (stringOf(right) ?? UNKNOWN));
  }

  private call(node: Node, depth: number): Value {
    const callee = unwrap(node.callee);
    const args: Node[] = node.arguments;
    // The object of a method call is evaluated once: chains like a.replace(…).replace(…) would
    // otherwise cost 2^n.
    let fn: Value | undefined;
    if (callee.type === 'MemberExpression') {
      const method = this.key(callee.property, callee.computed, depth);
      const target = this.value(callee.object, depth);
      fn = method === undefined ? UNKNOWN_VALUE : this.memberValue(target, method, depth);
      if (method === 'getPrototypeOf' || method === 'get') {
        if (pathIs(target, 'Object') || pathIs(target, 'Reflect')) {
          if (method === 'getPrototypeOf') {
            const of = this.value(args[0], depth);
            return of.k === 'fn' ? { k: 'fnproto' } : UNKNOWN_VALUE;
          }
          if (pathIs(target, 'Reflect') && args.length >= 2) {
            const key = exactString(this.value(args[1], depth));
            return key === undefined ? UNKNOWN_VALUE : memberOf(this.value(args[0], depth), key);
          }
        }
      }
      if (method === 'createElement' || method === 'createElementNS') {
        const tag = exactString(this.value(args[method === 'createElement' ? 0 : 1], depth));
        return tag === undefined ? UNKNOWN_VALUE : { k: 'element', tag: tag.toLowerCase() };
      }
      if (method === 'join') {
        if (target.k === 'array') return this.joinArray(target.node, args[0], depth);
        if (target.k === 'strs') {
          const sep = args[0] === undefined ? ',' : exactString(this.value(args[0], depth));
          return sep === undefined ? { k: 'str', s: UNKNOWN } : str(target.items.join(sep));
        }
        return { k: 'str', s: UNKNOWN };
      }
      if (
        method === 'split' ||
        method === 'reverse' ||
        method === 'slice' ||
        method === 'substring' ||
        method === 'substr' ||
        method === 'replace' ||
        method === 'replaceAll' ||
        method === 'repeat'
      ) {
        const folded = this.stringMethod(method, target, args, depth);
        if (folded) return folded;
        return target.k === 'str' ? { k: 'str', s: UNKNOWN } : UNKNOWN_VALUE;
      }
      if (method === 'toString') return { k: 'str', s: UNKNOWN };
      if (method === 'toLowerCase' || method === 'toUpperCase' || method === 'trim' || method === 'concat') {
        const s = stringOf(target);
        if (s === undefined) return UNKNOWN_VALUE;
        if (method === 'concat') {
          return { k: 'str', s: s + args.map((a) => stringOf(this.value(a, depth)) ?? UNKNOWN).join('') };
        }
        return {
          k: 'str',
          s: method === 'trim' ? s.trim() : method === 'toLowerCase' ? s.toLowerCase() : s.toUpperCase(),
        };
      }
    }
    fn ??= this.value(callee, depth);
    if (pathIs(fn, 'String', 'fromCharCode')) {
      const codes = args.map((a) => this.value(a, depth));
      if (codes.every((c) => c.k === 'num'))
        return { k: 'str', s: String.fromCharCode(...codes.map((c) => (c as { n: number }).n)) };
      return { k: 'str', s: UNKNOWN };
    }
    if (pathIs(fn, 'String')) return { k: 'str', s: stringOf(this.value(args[0], depth)) ?? UNKNOWN };
    if (pathIs(fn, 'atob')) {
      const encoded = exactString(this.value(args[0], depth));
      if (encoded === undefined) return { k: 'str', s: UNKNOWN };
      try {
        return { k: 'str', s: Buffer.from(encoded, 'base64').toString('latin1') };
      } catch {
        return { k: 'str', s: UNKNOWN };
      }
    }
    if (pathIs(fn, 'document', 'createElement')) return UNKNOWN_VALUE;
    return UNKNOWN_VALUE;
  }

  /** A few string/array methods on fully known operands (adversarial code spells names this way). */
  private stringMethod(method: string, target: Value, args: Node[], depth: number): Value | undefined {
    const argValues = args.map((a) => this.value(a, depth));
    const nums = argValues.map((v) => (v.k === 'num' ? v.n : undefined));
    const strs = argValues.map((v) => exactString(v));
    if (target.k === 'strs') {
      if (method === 'reverse') return { k: 'strs', items: [...target.items].reverse() };
      if (method === 'slice') return { k: 'strs', items: target.items.slice(nums[0], nums[1]) };
      return undefined;
    }
    const s = exactString(target);
    if (s === undefined) return undefined;
    switch (method) {
      case 'split': {
        if (strs[0] === undefined) return undefined;
        const items = s.split(strs[0]);
        return items.length > MAX_ITEMS ? undefined : { k: 'strs', items };
      }
      case 'slice':
        return { k: 'str', s: s.slice(nums[0], nums[1]) };
      case 'substring':
        return { k: 'str', s: s.substring(nums[0] ?? 0, nums[1]) };
      case 'substr':
        return { k: 'str', s: s.substr(nums[0] ?? 0, nums[1]) };
      case 'replace':
        return strs[0] === undefined || strs[1] === undefined
          ? undefined
          : { k: 'str', s: s.replace(strs[0], strs[1]) };
      case 'replaceAll':
        return strs[0] === undefined || strs[1] === undefined
          ? undefined
          : { k: 'str', s: s.replaceAll(strs[0], strs[1]) };
      case 'repeat':
        return nums[0] !== undefined && nums[0] >= 0 && nums[0] * s.length <= 4096
          ? { k: 'str', s: s.repeat(nums[0]) }
          : undefined;
      default:
        return undefined;
    }
  }

  /** `new URL(url, base)`: the URL text when it (or its base) is known, for the request rules. */
  private url(args: Node[], depth: number): Value {
    const href = stringOf(this.value(args[0], depth));
    if (href === undefined) return UNKNOWN_VALUE;
    const base = args[1] === undefined ? undefined : exactString(this.value(args[1], depth));
    if (base !== undefined && !href.includes(UNKNOWN)) {
      try {
        return { k: 'str', s: new URL(href, base).href };
      } catch {
        return UNKNOWN_VALUE;
      }
    }
    return { k: 'str', s: href };
  }

  private joinArray(array: Node, separator: Node | undefined, depth: number): Value {
    const sep = separator === undefined ? ',' : exactString(this.value(separator, depth));
    if (sep === undefined) return { k: 'str', s: UNKNOWN };
    const parts = (array.elements as Node[]).map((el) =>
      el ? (stringOf(this.value(el, depth)) ?? UNKNOWN) : '',
    );
    return { k: 'str', s: parts.join(sep) };
  }

  private construct(node: Node, depth: number): Value {
    const ctor = this.value(node.callee, depth);
    if (ctor.k === 'path' && ctor.path.length === 1) {
      const name = ctor.path[0] as string;
      if (name === 'Function') return { k: 'fn' };
      if (name === 'Array') return { k: 'instance', of: 'Array' };
      if (name === 'String')
        return { k: 'str', s: stringOf(this.value(node.arguments[0], depth)) ?? UNKNOWN };
      if (name === 'URL') return this.url(node.arguments, depth);
      return { k: 'instance', of: name };
    }
    return UNKNOWN_VALUE;
  }
}

/** `/^\d+$/.test(key)`, answered from the first character for the usual property names. */
function isIndex(key: string): boolean {
  const first = key.charCodeAt(0);
  return first >= 48 && first <= 57 && /^\d+$/.test(key);
}

export function unwrap(node: Node): Node {
  let n = node;
  while (
    n &&
    (n.type === 'ChainExpression' || n.type === 'ParenthesizedExpression' || n.type === 'TSAsExpression')
  ) {
    n = n.expression;
  }
  return n;
}

/** For `a || b` and `c ? a : b`: what could flow out that matters most (a global API, then a string). */
function pickDangerous(a: Value, b: Value): Value {
  if (a.k === 'path') return a;
  if (b.k === 'path') return b;
  if (a.k === 'str' && b.k === 'str') return a.s === b.s ? a : { k: 'str', s: UNKNOWN };
  if (a.k === 'str' || b.k === 'str') return { k: 'str', s: UNKNOWN };
  if (a.k !== 'unknown') return a;
  return b;
}
