// Types for corpus.mjs (plain Node ESM so fetch-corpus.mjs runs without a build step or tsx).
export interface CorpusFile {
  path: string;
  as: string;
  sourceType: 'script' | 'module';
  bytes: number;
  sha256: string;
}
export interface CorpusPackage {
  name: string;
  version: string;
  dir: string;
  files: CorpusFile[];
}
export interface Corpus {
  packages: CorpusPackage[];
}
export interface CorpusEntry {
  pkg: string;
  version: string;
  dir: string;
  source: string;
  rel: string;
  sourceType: 'script' | 'module';
  bytes: number;
  sha256: string;
}
export const benchDir: string;
export const corpusJsonPath: string;
export const defaultCorpusDir: string;
export function loadCorpus(path?: string): Corpus;
export function corpusProblems(corpus: unknown, options: { requireHashes: boolean }): string[];
export function corpusFiles(corpus: Corpus): CorpusEntry[];
export function corpusDirProblems(corpusDir: string, corpus: Corpus): string[];
export function sha256Of(buffer: Uint8Array): string;
