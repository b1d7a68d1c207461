// The worker's code as one plain ES module, cached on disk. Plain .mjs because it runs in worker
// threads before any TypeScript can be loaded. The CLI's launchers bundle the CLI the same way
// (exported as @openminis/checker/bundle): a cold `ttdx` spent ~400 ms in tsx before doing anything.
//
// Why: when the checker runs from its .ts sources, a worker would otherwise load check-file.ts
// through tsx's `tsImport`, ~220 ms per worker on Node 20 (tsx's loader hooks run on their own
// thread). Importing one bundle of the same sources takes ~40 ms. Only the checker's own sources
// (and anything else plain Node cannot load, such as a workspace package exporting .ts) are bundled;
// npm packages stay imports, resolved from the package folder as they would be from src/.
//
// The cache lives in <package>/node_modules/.cache/openminis-checker/ (external imports resolve
// from there exactly as from src/). A manifest names the bundle's inputs with a hash of their
// contents and a hash of the bundle itself: a changed source means a rebuild, a damaged bundle is
// never imported. Files are written to a temporary name and renamed, so a concurrent process sees
// either the old file or the new one, never half of one. A bundled source file keeps its own
// `import.meta.url` (written in as a string), so URLs relative to it (the worker's entry, a
// package.json) still point where they do from the sources.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Changes whenever the build options below change, so that old bundles are not reused. */
const FORMAT = 2;
/** Superseded bundles are removed once this old (a process that just read the manifest may still import one). */
const SUPERSEDED_MS = 60_000;

const packageDir = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The default places: the package's src/check-file.ts, bundled into the package's node_modules/.cache.
 * `name` prefixes the bundle's and the manifest's file names (one cache folder can hold several).
 */
export const defaultBundleSetup = {
  entry: path.join(packageDir, 'src', 'check-file.ts'),
  cacheDir: path.join(packageDir, 'node_modules', '.cache', 'openminis-checker'),
  name: 'worker',
};

function nameOf(setup) {
  return setup.name ?? 'worker';
}

function manifestPath(setup) {
  return path.join(setup.cacheDir, `${nameOf(setup)}-bundle.json`);
}

/**
 * The file URL of an up-to-date bundle of `entry`, built when the cache is missing, stale or
 * damaged. Throws when no bundle can be had (esbuild missing, a build error, a read-only folder):
 * the caller then loads the sources another way.
 */
export async function bundledEntry(setup = defaultBundleSetup) {
  const cached = cachedBundle(setup);
  if (cached) return cached;
  return pathToFileURL(await buildBundle(setup)).href;
}

/** The cached bundle's URL when its manifest matches the sources as they are now, else undefined. */
export function cachedBundle(setup = defaultBundleSetup) {
  try {
    const manifest = JSON.parse(readFileSync(manifestPath(setup), 'utf8'));
    if (manifest.format !== FORMAT || manifest.entry !== setup.entry) return undefined;
    const contents = manifest.inputs.map((input) => readFileSync(input));
    if (inputsHash(manifest.inputs, contents) !== manifest.inputsHash) return undefined;
    const bundle = path.join(setup.cacheDir, manifest.bundle);
    if (sha256(readFileSync(bundle)) !== manifest.bundleHash) return undefined;
    return pathToFileURL(bundle).href;
  } catch {
    // No manifest, an unreadable one, or an input that is gone: build afresh.
    return undefined;
  }
}

/** Bundles `entry`, writes bundle and manifest atomically, returns the bundle's path. */
export async function buildBundle(setup = defaultBundleSetup) {
  const esbuild = await import('esbuild');
  const read = new Map();
  let result;
  try {
    result = await esbuild.build({
      entryPoints: [setup.entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: `node${process.versions.node}`,
      write: false,
      metafile: true,
      logLevel: 'silent',
      // Plain Node resolves the package folder as `import` does, not with esbuild's extra `module`.
      conditions: [],
      plugins: [externalPackages, recordedReads(read)],
    });
  } finally {
    // esbuild keeps a child process for later builds; this thread will not make another one.
    await esbuild.stop?.();
  }
  const code = result.outputFiles[0]?.contents;
  if (!code) throw new Error('esbuild produced no output');
  // Metafile paths are relative to the working directory; keep absolute ones.
  const inputs = Object.keys(result.metafile.inputs)
    .map((input) => path.resolve(input))
    .sort();
  // The hash is of the text esbuild bundled, not of the files as they are now: a file saved during
  // the build then makes the next lookup miss instead of serving a bundle of its older text.
  const contents = inputs.map((input) => read.get(input));
  const bundleHash = sha256(code);
  const bundle = `${nameOf(setup)}-${bundleHash.slice(0, 16)}.mjs`;
  mkdirSync(setup.cacheDir, { recursive: true });
  writeAtomically(path.join(setup.cacheDir, bundle), code);
  // An input esbuild loaded by itself has no recorded text: use the bundle, but do not cache it.
  if (contents.some((c) => c === undefined)) return path.join(setup.cacheDir, bundle);
  const manifest = {
    format: FORMAT,
    entry: setup.entry,
    inputs,
    inputsHash: inputsHash(inputs, contents),
    bundle,
    bundleHash,
  };
  writeAtomically(manifestPath(setup), JSON.stringify(manifest, null, 2));
  removeSuperseded(setup.cacheDir, bundle, nameOf(setup));
  return path.join(setup.cacheDir, bundle);
}

/** Every source change leaves a bundle behind; old ones go (best effort). */
function removeSuperseded(cacheDir, current, prefix) {
  try {
    for (const name of readdirSync(cacheDir)) {
      if (name === current || !name.startsWith(`${prefix}-`) || !/\.(mjs|tmp)$/.test(name)) continue;
      const file = path.join(cacheDir, name);
      if (Date.now() - statSync(file).mtimeMs > SUPERSEDED_MS) rmSync(file, { force: true });
    }
  } catch {
    // Another process removed it first, or the folder is not ours to clean: harmless.
  }
}

/** npm packages stay imports; a package whose entry plain Node cannot load (TypeScript) is bundled. */
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData?.resolving || args.path.startsWith('node:')) return undefined;
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: { resolving: true },
      });
      if (resolved.errors.length === 0 && /\.[cm]?tsx?$/.test(resolved.path)) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/** One hash of every input's path and contents. */
function inputsHash(inputs, contents) {
  const hash = createHash('sha256');
  inputs.forEach((input, i) => {
    hash.update(`${input}\0`);
    hash.update(contents[i]);
    hash.update('\0');
  });
  return hash.digest('hex');
}

const LOADERS = {
  '.ts': 'ts',
  '.mts': 'ts',
  '.cts': 'ts',
  '.tsx': 'tsx',
  '.js': 'js',
  '.mjs': 'js',
  '.cjs': 'js',
  '.jsx': 'jsx',
  '.json': 'json',
};

/**
 * Loads source files itself, keeping each file's bytes exactly as read in `read`, and writes each
 * file's own URL over its `import.meta.url` (in the bundle it would be the bundle's).
 */
function recordedReads(read) {
  return {
    name: 'recorded-reads',
    setup(build) {
      build.onLoad({ filter: /\.([cm]?[jt]s|[jt]sx|json)$/ }, (args) => {
        const bytes = readFileSync(args.path);
        read.set(args.path, bytes);
        const text = bytes.toString('utf8');
        const contents = text.includes('import.meta.url')
          ? text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
          : bytes;
        return { contents, loader: LOADERS[path.extname(args.path)] };
      });
    },
  };
}

function sha256(data) {
  return createHash('sha256').update(data).digest('hex');
}

function writeAtomically(file, data) {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
