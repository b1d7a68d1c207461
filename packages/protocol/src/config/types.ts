import type { RawMinisConfig } from './schema';

export type NavbarStyle = 'default' | 'custom';

/** The config after applying spec §2.5: one name per concept, defaults filled in. */
export interface NormalizedMinisConfig {
  navbar: {
    lightColor?: string;
    darkColor?: string;
    /** `default`: the host draws the bar; `custom`: the Mini draws its own. */
    style: NavbarStyle;
  };
  dev: {
    host: string;
    port: number;
    /** Optional path under the dev server, e.g. `/tiktok` (observed in generated files). */
    entry?: string;
  };
  build: {
    /** Relative to the project root, `/` separators, no trailing slash; `.` for the root itself. */
    outputDir: string;
    /** Relative to the project root. */
    htmlEntry: string;
  };
  /** Normalised origins (`https://api.example.com`), deduplicated, in file order. */
  trustedDomains: string[];
  clientKey?: string;
}

export interface ParsedMinisConfig {
  /** The parsed object as written, unknown keys included. */
  raw: RawMinisConfig & Record<string, unknown>;
  config: NormalizedMinisConfig;
  /** Human-readable, each prefixed with the file name. */
  warnings: string[];
}

export const CONFIG_FILE_NAME = 'minis.config.json';
export const DEFAULT_OUTPUT_DIR = 'build';
export const DEFAULT_HTML_ENTRY = 'public/index.html';
export const DEFAULT_DEV_HOST = 'localhost';
export const DEFAULT_DEV_PORT = 3000;
/** Larger than any sane config; bounds the parser's work on hostile input. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
