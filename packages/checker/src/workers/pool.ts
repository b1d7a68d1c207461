import { checkOneFile, type FileOutcome } from '../check-file';
import type { CheckOptions } from '../types';

/** Checks files in this thread (the worker pool plugs in here). */
export async function runPool(
  rootReal: string,
  files: string[],
  options: CheckOptions,
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const file of files) outcomes.push(await checkOneFile(rootReal, file, options));
  return outcomes;
}
