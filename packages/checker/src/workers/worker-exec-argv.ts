/** The flags that register a module loader or preload a module, each followed by its argument. */
const HOOK_FLAGS = new Set(['--import', '--require', '-r', '--loader', '--experimental-loader']);

/**
 * The parent's Node flags for a worker, minus tsx's hooks. A worker inherits `process.execArgv`,
 * and under `node --import tsx` that means booting tsx (and its hooks thread) in every worker
 * before its first line runs: ~150–250 ms measured, for code the worker never loads through those
 * hooks (it imports a plain-JS bundle, or calls tsx's `tsImport` itself). Other flags are kept.
 */
export function workerExecArgv(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i] as string;
    const eq = arg.indexOf('=');
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    if (HOOK_FLAGS.has(flag)) {
      const value = eq === -1 ? execArgv[i + 1] : arg.slice(eq + 1);
      if (value !== undefined && isTsx(value)) {
        if (eq === -1) i++;
        continue;
      }
    }
    kept.push(arg);
  }
  return kept;
}

function isTsx(specifier: string): boolean {
  return specifier === 'tsx' || specifier.startsWith('tsx/');
}
