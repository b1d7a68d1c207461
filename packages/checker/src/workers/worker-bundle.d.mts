/** Where the bundle comes from and where it is cached (worker-bundle.mjs). */
export interface BundleSetup {
  entry: string;
  cacheDir: string;
}
export const defaultBundleSetup: BundleSetup;
/** The file URL of an up-to-date bundle, built if needed; rejects when none can be had. */
export function bundledEntry(setup?: BundleSetup): Promise<string>;
/** The cached bundle's file URL when it matches the sources as they are now. */
export function cachedBundle(setup?: BundleSetup): string | undefined;
/** Builds and caches the bundle; resolves with its path. */
export function buildBundle(setup?: BundleSetup): Promise<string>;
