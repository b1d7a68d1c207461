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

/** What a scope that declares nothing (most blocks, many functions) reports. */
const NO_BINDINGS: readonly Binding[] = Object.freeze([]);
/** Scopes declaring more names than this also index them by name; smaller ones are searched. */
const INDEXED_FROM = 8;

export class Scope {
  /** In declaration order; created at the first declaration (most scopes hold a few names). */
  private list: Binding[] | undefined = undefined;
  private index: Map<string, Binding> | undefined = undefined;
  /**
   * A function's implicit `arguments`, declared when first resolved or redeclared rather than in
   * every function (most never use it): a binding saved per function, often the scope's only one.
   */
  private argumentsPending = false;
  /**
   * A function's parameter list (AST nodes): its plain-name parameters are declared when first
   * looked up, as the implicit `arguments` is. Most parameters of the code the rules look at are
   * never resolved, and many functions declare nothing else.
   */
  private pendingParams: readonly Node[] | undefined = undefined;
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
  get bindings(): readonly Binding[] {
    return this.list ?? NO_BINDINGS;
  }

  /** The binding of `name` declared in this very scope. */
  private own(name: string): Binding | undefined {
    const found = this.declared(name);
    if (found !== undefined || this.pendingParams === undefined) return found;
    const params = this.pendingParams;
    for (let i = 0; i < params.length; i++) {
      const param = params[i];
      if (param.type === 'Identifier' && param.name === name) return this.add(name, 'param', undefined);
    }
    return undefined;
  }

  private declared(name: string): Binding | undefined {
    if (this.index !== undefined) return this.index.get(name);
    const list = this.list;
    if (list === undefined) return undefined;
    for (let i = 0; i < list.length; i++) {
      const binding = list[i] as Binding;
      if (binding.name === name) return binding;
    }
    return undefined;
  }

  /** Whether `name` is declared in this very scope (pending names aside). */
  declaresNow(name: string): boolean {
    return this.declared(name) !== undefined;
  }

  /**
   * A function's parameter list, whose plain names not declared yet are declared here when first
   * looked up (by resolve or a later declare), as `declare(name, 'param')` would have.
   */
  deferParams(params: readonly Node[]): void {
    this.pendingParams = params;
  }

  /** Declares the implicit `arguments` of a non-arrow function, as `declare('arguments', 'param')`. */
  declareArguments(): void {
    if (this.own('arguments')) this.declare('arguments', 'param');
    else this.argumentsPending = true;
  }

  declare(name: string, kind: BindingKind, init?: Node): Binding {
    // Declared before anything else named `arguments`, as if it had been at the function's start.
    if (this.argumentsPending && name === 'arguments') this.declarePendingArguments();
    const existing = this.own(name);
    if (existing) {
      // `var a = 1; var a = 2` or a function redeclared: the value is no longer a single constant.
      if (init !== undefined || kind === 'function' || existing.kind !== kind) existing.reassigned = true;
      return existing;
    }
    return this.add(name, kind, init);
  }

  private add(name: string, kind: BindingKind, init: Node | undefined): Binding {
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
    if (this.list === undefined) this.list = [binding];
    else this.list.push(binding);
    if (this.index !== undefined) this.index.set(name, binding);
    else if (this.list.length > INDEXED_FROM) this.index = new Map(this.list.map((b) => [b.name, b]));
    return binding;
  }

  resolve(name: string): Binding | undefined {
    for (let scope: Scope | undefined = this; scope; scope = scope.parent) {
      const binding = scope.own(name);
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
