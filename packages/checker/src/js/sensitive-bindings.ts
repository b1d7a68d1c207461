import type { Dependency, Evaluator } from './evaluate';
import type { Binding, Scope } from './scope';
import { isSensitive, propertiesThatMatter } from './values';

/**
 * Bindings with an initialiser whose value could start a finding where they are used (an alias of
 * eval, window, a script element…), as dependencies for fast.ts: name, the binding's scope range,
 * and the properties through which a use can matter. Appended to `out`, in scope and declaration
 * order. Runs after every site has been checked.
 */
export function pushSensitiveBindings(
  scopes: readonly Scope[],
  evaluator: Evaluator,
  out: Dependency[],
): void {
  for (let s = 0; s < scopes.length; s++) {
    const scope = scopes[s] as Scope;
    const bindings = scope.bindings;
    for (let b = 0; b < bindings.length; b++) {
      const binding = bindings[b] as Binding;
      if (!binding.init) continue;
      const value = evaluator.valueForSensitivity(binding);
      if (isSensitive(value)) out.push([binding.name, scope.start, scope.end, propertiesThatMatter(value)]);
    }
  }
}
