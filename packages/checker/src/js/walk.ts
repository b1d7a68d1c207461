import { visitorKeys } from 'oxc-parser';
import { Evaluator } from './evaluate';
import type { Node } from './scope';
import { declarePattern, patternNames, Scope } from './scopes-builder';

const KEYS = visitorKeys as Record<string, readonly string[]>;

/** Node types whose check needs the whole file's scopes: evaluated after the walk. */
const SITE_TYPES = new Set([
  'CallExpression',
  'NewExpression',
  'MemberExpression',
  'AssignmentExpression',
  'ImportExpression',
  'ImportDeclaration',
  'ExportAllDeclaration',
  'ExportNamedDeclaration',
  'VariableDeclarator',
  'JSXOpeningElement',
]);

const isReference = (node: Node | null | undefined): boolean =>
  node?.type === 'Identifier' || node?.type === 'MemberExpression';

/**
 * Places that store a function reference for a later call: an object property's value, an
 * array element, a returned or default-exported value (`{ '%eval%': eval }`, `[eval]`,
 * `return eval`). Only plain references are sites, so ordinary literals cost nothing.
 */
function storesReference(node: Node): boolean {
  switch (node.type) {
    case 'Property':
      return !node.method && node.kind === 'init' && isReference(node.value);
    case 'ArrayExpression':
      return node.elements.some(isReference);
    case 'ReturnStatement':
    case 'ExportDefaultDeclaration':
      return isReference(node.type === 'ReturnStatement' ? node.argument : node.declaration);
    default:
      return false;
  }
}

export interface WalkResult {
  sites: Node[];
  evaluator: Evaluator;
  scopes: Scope[];
}

/**
 * One iterative pass (no recursion: deeply nested input cannot overflow the stack) that builds
 * scopes with hoisting, records writes, and collects the nodes the rules look at.
 */
export function walkProgram(program: Node, isModule: boolean): WalkResult {
  const SCOPE = Symbol.for('openminis.scope');
  const scopeOf = (node: Node): Scope => node[SCOPE];
  const root = new Scope(undefined, true, false);
  const scopes: Scope[] = [root];
  const stack: Node[] = [program];
  const stackScopes: Scope[] = [root];
  const sites: Node[] = [];
  // `{ eval: e } = window` binds a name (an alias, followed to its calls); it stores nothing.
  const patternProperties = new WeakSet<Node>();
  const writes: Array<[string, Scope]> = [];
  const functionBodies = new Set<Node>();

  const write = (target: Node, scope: Scope) => {
    if (target.type === 'Identifier') writes.push([target.name, scope]);
    else if (
      target.type === 'ObjectPattern' ||
      target.type === 'ArrayPattern' ||
      target.type === 'AssignmentPattern'
    ) {
      for (const id of patternNames(target)) writes.push([id.name, scope]);
    }
  };

  while (stack.length > 0) {
    const node = stack.pop();
    const scope = stackScopes.pop() as Scope;
    let inner = scope;
    switch (node.type) {
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression': {
        if (node.type === 'FunctionDeclaration' && node.id) scope.declare(node.id.name, 'function');
        inner = new Scope(scope, true, node.type !== 'ArrowFunctionExpression', node.start, node.end);
        if (node.type === 'FunctionExpression' && node.id) inner.declare(node.id.name, 'function');
        if (node.type !== 'ArrowFunctionExpression') inner.declare('arguments', 'param');
        for (const param of node.params) declarePattern(inner, param, 'param', undefined);
        if (node.body?.type === 'BlockStatement') functionBodies.add(node.body);
        break;
      }
      case 'ClassDeclaration':
      case 'ClassExpression':
        if (node.type === 'ClassDeclaration' && node.id) scope.declare(node.id.name, 'class');
        inner = new Scope(scope, false, true, node.start, node.end);
        if (node.type === 'ClassExpression' && node.id) inner.declare(node.id.name, 'class');
        break;
      case 'StaticBlock':
        inner = new Scope(scope, true, true, node.start, node.end);
        break;
      case 'BlockStatement':
        if (!functionBodies.has(node)) inner = new Scope(scope, false, false, node.start, node.end);
        break;
      case 'ForStatement':
      case 'SwitchStatement':
        inner = new Scope(scope, false, false, node.start, node.end);
        break;
      case 'ForInStatement':
      case 'ForOfStatement':
        inner = new Scope(scope, false, false, node.start, node.end);
        if (node.left.type !== 'VariableDeclaration') write(node.left, scope);
        break;
      case 'CatchClause':
        inner = new Scope(scope, false, false, node.start, node.end);
        if (node.param) declarePattern(inner, node.param, 'catch', undefined);
        break;
      case 'VariableDeclaration': {
        const target = node.kind === 'var' ? scope.functionScope() : scope;
        const kind = node.kind === 'var' ? 'var' : node.kind === 'const' ? 'const' : 'let';
        for (const decl of node.declarations) declarePattern(target, decl.id, kind, decl.init ?? undefined);
        break;
      }
      case 'ImportDeclaration':
        for (const spec of node.specifiers) scope.declare(spec.local.name, 'import');
        break;
      case 'AssignmentExpression':
        write(node.left, scope);
        break;
      case 'UpdateExpression':
        write(node.argument, scope);
        break;
      case 'Identifier':
      case 'ThisExpression':
        // Only what the evaluator resolves needs its scope attached.
        node[SCOPE] = scope;
        continue;
    }
    if (inner !== scope) scopes.push(inner);
    if (node.type === 'ObjectPattern') for (const prop of node.properties) patternProperties.add(prop);
    if (SITE_TYPES.has(node.type) || (!patternProperties.has(node) && storesReference(node)))
      sites.push(node);
    const keys = KEYS[node.type];
    if (!keys) continue;
    for (let i = keys.length - 1; i >= 0; i--) {
      const child = node[keys[i] as string];
      if (!child || typeof child !== 'object') continue;
      if (Array.isArray(child)) {
        for (let j = child.length - 1; j >= 0; j--) {
          const c = child[j];
          if (c && typeof c.type === 'string') {
            stack.push(c);
            stackScopes.push(inner);
          }
        }
      } else if (typeof child.type === 'string') {
        stack.push(child);
        stackScopes.push(inner);
      }
    }
  }

  for (const [name, scope] of writes) {
    const binding = scope.resolve(name);
    if (binding) binding.reassigned = true;
  }
  return { sites, evaluator: new Evaluator(scopeOf, isModule), scopes };
}
