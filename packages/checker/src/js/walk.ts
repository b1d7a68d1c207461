import { visitorKeys } from 'oxc-parser';
import { Evaluator } from './evaluate';
import type { Node } from './scope';
import { ScopeIndex } from './scope-index';
import { declarePattern, declaresInBlock, emptyObjectPatterns, patternNames, Scope } from './scopes-builder';
import { isSite } from './sinks';

const KEYS = visitorKeys as Record<string, readonly string[]>;

/**
 * A function with plain parameters and an empty body (most bodies are blanked, fast.ts): nothing
 * in it is evaluated, declared for outside use, or checked, so it needs no scope of its own.
 */
function isEmptyFunction(node: Node): boolean {
  const body = node.body;
  if (body?.type !== 'BlockStatement' || body.body.length !== 0) return false;
  const params = node.params;
  for (let i = 0; i < params.length; i++) if (params[i].type !== 'Identifier') return false;
  return true;
}

/** Pushes `children` (holes included) last to first, so that the first is visited first. */
function pushAll(stack: Array<Node | Scope>, children: ReadonlyArray<Node | null>, scope: Scope): void {
  for (let i = children.length - 1; i >= 0; i--) stack.push(children[i], scope);
}

export interface WalkResult {
  sites: Node[];
  evaluator: Evaluator;
  scopes: Scope[];
}

/**
 * One iterative pass (no recursion: deeply nested input cannot overflow the stack) that builds
 * scopes with hoisting, records writes, and collects the nodes the rules look at (sinks.ts isSite).
 *
 * Cost matters here (every node of every file): the common node types have their children pushed
 * by name, in visitor-key order, rather than through `node[key]` lookups over visitorKeys; nothing
 * is done at names and literals (the evaluator finds a name's scope from its position,
 * scope-index.ts), which are dropped when popped (cheaper, measured, than testing every child's
 * type before pushing it). The order nodes are visited in, and so the order of declarations,
 * scopes and sites, is the visitor keys' pre-order.
 */
export function walkProgram(program: Node, isModule: boolean): WalkResult {
  emptyObjectPatterns.length = 0;
  const root = new Scope(undefined, true, false);
  const scopes: Scope[] = [root];
  const sites: Node[] = [];
  // Pairs (node, scope), the node pushed first; holes and absent children are pushed too and
  // dropped when popped, so every push is one inlinable call.
  const stack: Array<Node | Scope> = [];
  // Writes are resolved after the walk, once every hoisted declaration is known.
  const writtenNames: string[] = [];
  const writtenIn: Scope[] = [];

  const write = (target: Node, scope: Scope): void => {
    if (target.type === 'Identifier') {
      writtenNames.push(target.name);
      writtenIn.push(scope);
    } else if (
      target.type === 'ObjectPattern' ||
      target.type === 'ArrayPattern' ||
      target.type === 'AssignmentPattern'
    ) {
      const names = patternNames(target);
      for (let i = 0; i < names.length; i++) {
        writtenNames.push(names[i].name);
        writtenIn.push(scope);
      }
    }
  };
  const open = (scope: Scope): Scope => {
    scopes.push(scope);
    return scope;
  };

  pushAll(stack, program.body, root);
  while (stack.length > 0) {
    const scope = stack.pop() as Scope;
    const node = stack.pop() as Node;
    if (!node) continue;
    let inner = scope;
    switch (node.type) {
      case 'Identifier':
      case 'Literal':
        continue;
      // The most frequent types: children by name.
      case 'MemberExpression':
        if (isSite(node)) sites.push(node);
        // A non-computed key is a name, never evaluated.
        if (node.computed) stack.push(node.property, scope);
        stack.push(node.object, scope);
        continue;
      case 'CallExpression':
      case 'NewExpression':
        if (isSite(node)) sites.push(node);
        pushAll(stack, node.arguments, scope);
        stack.push(node.callee, scope);
        continue;
      case 'ExpressionStatement':
      case 'ChainExpression':
      case 'ParenthesizedExpression':
        stack.push(node.expression, scope);
        continue;
      case 'VariableDeclaration': {
        const target = node.kind === 'var' ? scope.functionScope() : scope;
        const kind = node.kind === 'var' ? 'var' : node.kind === 'const' ? 'const' : 'let';
        const declarations = node.declarations;
        for (let i = 0; i < declarations.length; i++) {
          const decl = declarations[i];
          declarePattern(target, decl.id, kind, decl.init ?? undefined);
        }
        pushAll(stack, node.declarations, scope);
        continue;
      }
      case 'VariableDeclarator':
        if (isSite(node)) sites.push(node);
        stack.push(node.init, scope);
        stack.push(node.id, scope);
        continue;
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression': {
        if (node.type === 'FunctionDeclaration' && node.id) scope.declare(node.id.name, 'function');
        if (isEmptyFunction(node)) continue;
        inner = open(new Scope(scope, true, node.type !== 'ArrowFunctionExpression', node.start, node.end));
        if (node.type === 'FunctionExpression' && node.id) inner.declare(node.id.name, 'function');
        if (node.type !== 'ArrowFunctionExpression') inner.declareArguments();
        const params = node.params;
        for (let i = 0; i < params.length; i++) {
          const param = params[i];
          // A plain name is declared when first looked up (most never are); one that redeclares
          // the function's own name must be declared now, as that changes the binding.
          if (param.type === 'Identifier' && !inner.declaresNow(param.name)) continue;
          declarePattern(inner, param, 'param', undefined);
        }
        inner.deferParams(params);
        // A function's body block is its scope: its statements are pushed directly.
        if (node.body?.type === 'BlockStatement') pushAll(stack, node.body.body, inner);
        else stack.push(node.body, inner);
        pushAll(stack, node.params, inner);
        continue;
      }
      case 'BlockStatement':
        if (declaresInBlock(node.body)) inner = open(new Scope(scope, false, false, node.start, node.end));
        pushAll(stack, node.body, inner);
        continue;
      case 'Property':
        // Only object literals' properties come here (patterns are handled below).
        if (isSite(node)) sites.push(node);
        stack.push(node.value, scope);
        // A non-computed key is a name or a literal, never evaluated as an expression.
        if (node.computed) stack.push(node.key, scope);
        continue;
      case 'AssignmentExpression':
        write(node.left, scope);
        if (isSite(node)) sites.push(node);
        stack.push(node.right, scope);
        stack.push(node.left, scope);
        continue;
      case 'ArrayExpression':
        if (isSite(node)) sites.push(node);
        pushAll(stack, node.elements, scope);
        continue;
      case 'BinaryExpression':
      case 'LogicalExpression':
        stack.push(node.right, scope);
        stack.push(node.left, scope);
        continue;
      case 'ObjectExpression':
        pushAll(stack, node.properties, scope);
        continue;
      case 'ReturnStatement':
        if (isSite(node)) sites.push(node);
        stack.push(node.argument, scope);
        continue;
      case 'UpdateExpression':
        write(node.argument, scope);
        stack.push(node.argument, scope);
        continue;
      case 'UnaryExpression':
      case 'AwaitExpression':
      case 'SpreadElement':
      case 'ThrowStatement':
        stack.push(node.argument, scope);
        continue;
      case 'IfStatement':
      case 'ConditionalExpression':
        stack.push(node.alternate, scope);
        stack.push(node.consequent, scope);
        stack.push(node.test, scope);
        continue;
      case 'SequenceExpression':
        pushAll(stack, node.expressions, scope);
        continue;
      case 'ThisExpression':
        continue;
      case 'ObjectPattern':
        // `{ eval: e } = window` binds a name (an alias, followed to its calls); it stores nothing,
        // so the pattern's properties are not sites: their key and value are walked directly.
        for (let i = node.properties.length - 1; i >= 0; i--) {
          const prop = node.properties[i];
          if (prop.type === 'Property') {
            stack.push(prop.value, scope);
            stack.push(prop.key, scope);
          } else stack.push(prop, scope);
        }
        continue;
      // Other scopes and declarations; children through the visitor keys below.
      case 'ClassDeclaration':
      case 'ClassExpression':
        if (node.type === 'ClassDeclaration' && node.id) scope.declare(node.id.name, 'class');
        inner = open(new Scope(scope, false, true, node.start, node.end));
        if (node.type === 'ClassExpression' && node.id) inner.declare(node.id.name, 'class');
        break;
      case 'StaticBlock':
        inner = open(new Scope(scope, true, true, node.start, node.end));
        break;
      case 'ForStatement':
      case 'SwitchStatement':
        inner = open(new Scope(scope, false, false, node.start, node.end));
        break;
      case 'ForInStatement':
      case 'ForOfStatement':
        inner = open(new Scope(scope, false, false, node.start, node.end));
        if (node.left.type !== 'VariableDeclaration') write(node.left, scope);
        break;
      case 'CatchClause':
        inner = open(new Scope(scope, false, false, node.start, node.end));
        if (node.param) declarePattern(inner, node.param, 'catch', undefined);
        break;
      case 'ImportDeclaration':
        for (const spec of node.specifiers) scope.declare(spec.local.name, 'import');
        break;
    }
    if (isSite(node)) sites.push(node);
    const keys = KEYS[node.type];
    if (!keys) continue;
    for (let i = keys.length - 1; i >= 0; i--) {
      const child = node[keys[i] as string];
      if (!child || typeof child !== 'object') continue;
      if (Array.isArray(child)) {
        for (let j = child.length - 1; j >= 0; j--) {
          const c = child[j];
          if (c && typeof c.type === 'string') stack.push(c, inner);
        }
      } else if (typeof child.type === 'string') {
        stack.push(child, inner);
      }
    }
  }

  for (let i = 0; i < writtenNames.length; i++) {
    const binding = (writtenIn[i] as Scope).resolve(writtenNames[i] as string);
    if (binding) binding.reassigned = true;
  }
  const index = new ScopeIndex(scopes);
  const scopeOf = (node: Node): Scope => index.scopeAt(node.start, node.end);
  return { sites, evaluator: new Evaluator(scopeOf, isModule), scopes };
}
