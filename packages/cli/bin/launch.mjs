// What both launchers (ttdx.mjs, minis.mjs) do: set V8 up for one cold pass, then run the CLI from,
// in order, a built dist/ file; a bundle of the TypeScript sources cached on disk
// (@openminis/checker/bundle: ~100 ms to start instead of ~450 ms through tsx); the sources through tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

// A CLI run is one cold pass over the Mini, and the checker's hot functions are large: with inlining,
// V8's optimising compiler spends ~2 s of CPU per thread re-optimising them on a 57 MB corpus, about
// as much as the check itself. Without it a cold `check` of the benchmark corpus takes ~20 % less CPU
// and ~12 % less time (bench/checker/README.md). Long-lived hosts using the library keep V8's defaults.
setFlagsFromString('--no-turbo-inlining');

/** Runs bin `name` (`ttdx` or `minis`). OPENMINIS_CLI_LOAD=tsx skips the cached bundle. */
export async function launch(name) {
  const dist = new URL(`../dist/${name}.js`, import.meta.url);
  if (existsSync(dist)) return import(dist.href);
  const entry = fileURLToPath(new URL(`../src/bin/${name}.ts`, import.meta.url));
  if (process.env.OPENMINIS_CLI_LOAD !== 'tsx') {
    let bundle;
    try {
      const { bundledEntry } = await import('@openminis/checker/bundle');
      const cacheDir = fileURLToPath(new URL('../node_modules/.cache/openminis-cli/', import.meta.url));
      bundle = await bundledEntry({ entry, cacheDir, name });
    } catch {
      // No esbuild, a build error, a read-only install: the sources still run through tsx.
    }
    if (bundle) return import(bundle);
  }
  const { tsImport } = await import('tsx/esm/api');
  return tsImport(entry, import.meta.url);
}
