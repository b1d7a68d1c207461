// biome-ignore-all lint/suspicious/noExplicitAny: ESTree nodes from oxc-parser are plain JSON objects.
import type { Dependency } from './evaluate';

export type Node = any;

export type BindingKind = 'var' | 'let' | 'const' | 'param' | 'function' | 'class' | 'import' | 'catch';

/** A declared name. Its value is only trusted when it is never written after its declaration. */
export interface Binding {
  name: string;
  kind: BindingKind;
  scope: Scope;
  /** Initialiser of `x = init`, or the object of `{key: x} = object`. */
  init?: Node;
  /** For destructuring `{key: x} = init`: the property key node of the pattern. */
  initKey?: Node;
  initKeyComputed?: boolean;
  /** Written after its declaration (assignment, update, for-in/of target, second `var` with init). */
  reassigned: boolean;
  /** Evaluation cache and cycle guard (owned by the evaluator). */
  value?: unknown;
  evaluating?: boolean;
  /** The evaluator's record of a use of this binding (evaluate.ts Dependency), made once. */
  dependency?: Dependency;
}

/** What a scope that declares nothing (most blocks, many functions) reports: no Map each. */
const NO_BINDINGS: ReadonlyMap<string, Binding> = new Map();

export class Scope {
  /** Created at the first declaration. */
  private own: Map<string, Binding> | undefined = undefined;
  /**
   * A function's implicit `arguments`, declared when first resolved or redeclared rather than in
   * every function (most never use it): a binding and often a whole Map saved per function.
   */
  private argumentsPending = false;
  constructor(
    readonly parent: Scope | undefined,
    /** Function-like scope: receives `var` declarations. */
    readonly isFunction: boolean,
    /** `this` inside differs from outside (non-arrow functions, class bodies). */
    readonly bindsThis: boolean,
    /** Source range of the node that owns the scope (the whole text for the program). */
    readonly start = 0,
    readonly end = Number.MAX_SAFE_INTEGER,
  ) {}

  functionScope(): Scope {
    let scope: Scope = this;
    while (!scope.isFunction && scope.parent) scope = scope.parent;
    return scope;
  }

  /** The names declared here, in declaration order. */
  get bindings(): ReadonlyMap<string, Binding> {
    return this.own ?? NO_BINDINGS;
  }

  /** Declares the implicit `arguments` of a non-arrow function, as `declare('arguments', 'param')`. */
  declareArguments(): void {
    if (this.own?.has('arguments')) this.declare('arguments', 'param');
    else this.argumentsPending = true;
  }

  declare(name: string, kind: BindingKind, init?: Node): Binding {
    // Declared before anything else named `arguments`, as if it had been at the function's start.
    if (this.argumentsPending && name === 'arguments') this.declarePendingArguments();
    let own = this.own;
    if (own === undefined) {
      own = new Map();
      this.own = own;
    }
    const existing = own.get(name);
    if (existing) {
      // `var a = 1; var a = 2` or a function redeclared: the value is no longer a single constant.
      if (init !== undefined || kind === 'function' || existing.kind !== kind) existing.reassigned = true;
      return existing;
    }
    // Every field present from the start: one object shape for all bindings.
    const binding: Binding = {
      name,
      kind,
      scope: this,
      init,
      initKey: undefined,
      initKeyComputed: undefined,
      reassigned: false,
      value: undefined,
      evaluating: false,
      dependency: undefined,
    };
    own.set(name, binding);
    return binding;
  }

  resolve(name: string): Binding | undefined {
    for (let scope: Scope | undefined = this; scope; scope = scope.parent) {
      const binding = scope.own?.get(name);
      if (binding) return binding;
      if (scope.argumentsPending && name === 'arguments') return scope.declarePendingArguments();
    }
    return undefined;
  }

  private declarePendingArguments(): Binding {
    this.argumentsPending = false;
    return this.declare('arguments', 'param');
  }

  /** True when `this` here is the global object: a classic script's top level (arrows see through). */
  thisIsGlobal(isModule: boolean): boolean {
    if (isModule) return false;
    for (let scope: Scope | undefined = this; scope; scope = scope.parent) {
      if (scope.bindsThis) return false;
    }
    return true;
  }
}
