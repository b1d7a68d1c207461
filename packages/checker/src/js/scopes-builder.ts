import { type Binding, type BindingKind, type Node, Scope } from './scope';

/** Identifiers bound by a pattern (`a`, `{b: [c = 1]}`, `...d`). */
export function patternNames(pattern: Node, out: Node[] = []): Node[] {
  visitPattern(pattern, (p) => {
    if (p.type === 'Identifier') out.push(p);
  });
  return out;
}

/** Calls `visit` on every node of a pattern that binds or holds bindings (defaults are not visited). */
function visitPattern(pattern: Node, visit: (node: Node) => void): void {
  const stack: Node[] = [pattern];
  while (stack.length > 0) {
    const p = stack.pop();
    if (!p) continue;
    visit(p);
    switch (p.type) {
      case 'ObjectPattern':
        for (const prop of p.properties) stack.push(prop.type === 'RestElement' ? prop.argument : prop.value);
        break;
      case 'ArrayPattern':
        for (const el of p.elements) if (el) stack.push(el);
        break;
      case 'AssignmentPattern':
        stack.push(p.left);
        break;
      case 'RestElement':
        stack.push(p.argument);
        break;
      case 'TSParameterProperty':
        stack.push(p.parameter);
        break;
    }
  }
}

/** Declares the bindings of `kind id = init` in `scope`, keeping what constant folding needs. */
export function declarePattern(scope: Scope, id: Node, kind: BindingKind, init: Node | undefined): void {
  if (id.type === 'Identifier') {
    scope.declare(id.name, kind, init);
    return;
  }
  noteEmptyObjectPatterns(id);
  if (id.type === 'ObjectPattern' && init) {
    for (const prop of id.properties) {
      // `{eval: e}` and `{eval: e = fallback}` (the default only applies to undefined).
      const target =
        prop.type === 'Property' && prop.value.type === 'AssignmentPattern' ? prop.value.left : prop.value;
      if (prop.type === 'Property' && target?.type === 'Identifier') {
        const binding: Binding = scope.declare(target.name, kind, init);
        if (binding.init === init) {
          binding.initKey = prop.key;
          binding.initKeyComputed = prop.computed;
        }
        continue;
      }
      for (const name of patternNames(prop.type === 'RestElement' ? prop.argument : prop.value)) {
        scope.declare(name.name, kind).reassigned = true;
      }
    }
    return;
  }
  const names = patternNames(id);
  for (let i = 0; i < names.length; i++) scope.declare(names[i].name, kind).reassigned = kind !== 'param';
}

/**
 * [start, end) of every empty object pattern declared since the walk began (walk.ts resets it).
 * The skeleton cannot tell a pattern from an object literal and may blank one (`function f({ a: k })`
 * reads `function f({      })`): the fast path keeps those and analyses again (fast.ts).
 */
export const emptyObjectPatterns: Array<[number, number]> = [];

function noteEmptyObjectPatterns(pattern: Node): void {
  visitPattern(pattern, (p) => {
    if (p.type === 'ObjectPattern' && p.properties.length === 0) emptyObjectPatterns.push([p.start, p.end]);
  });
}

/**
 * Whether a block's statements can declare a name in the block's own scope: `let`, `const`,
 * `class`, `function` (directly, or as the body of an `if` or a label in sloppy code). A block
 * that cannot gets no scope of its own: it would stay empty, and its names resolve the same in
 * the enclosing one. Statements not listed (recovered syntax errors too) count as declaring.
 */
export function declaresInBlock(statements: readonly Node[]): boolean {
  for (let i = 0; i < statements.length; i++) if (declaresInEnclosing(statements[i])) return true;
  return false;
}

function declaresInEnclosing(statement: Node | null): boolean {
  if (!statement) return false;
  switch (statement.type) {
    case 'ExpressionStatement':
    case 'ReturnStatement':
    case 'ThrowStatement':
    case 'EmptyStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
    case 'DebuggerStatement':
    // These open a scope of their own for what they declare.
    case 'BlockStatement':
    case 'ForStatement':
    case 'ForInStatement':
    case 'ForOfStatement':
    case 'SwitchStatement':
    case 'TryStatement':
      return false;
    case 'VariableDeclaration':
      return statement.kind !== 'var';
    case 'IfStatement':
      return declaresInEnclosing(statement.consequent) || declaresInEnclosing(statement.alternate);
    case 'LabeledStatement':
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'WithStatement':
      return declaresInEnclosing(statement.body);
    default:
      return true;
  }
}

export { Scope };
