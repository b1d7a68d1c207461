import path from 'node:path';
import { checkText } from './check-text';
import { readText } from './fs/read-text';
import { mapFindings } from './fs/source-map';
import { offerUtf8 } from './js/parse';
import type { CheckOptions, Finding, SkippedFile } from './types';

export { primeOnce } from './prime';

export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;

/** The result of one file; plain data so that it can cross a worker boundary. */
export interface FileOutcome {
  file: string;
  bytes: number;
  findings: Finding[];
  sawLogin: boolean;
  checked: boolean;
  skipped?: SkippedFile;
}

/** Reads, checks and source-maps one file. Never throws for bad input: it becomes `skipped`. */
export async function checkOneFile(
  rootReal: string,
  rel: string,
  options: CheckOptions,
): Promise<FileOutcome> {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const abs = path.resolve(rootReal, rel);
  const read = readText(abs, rootReal, maxBytes);
  if ('reason' in read) {
    return {
      file: rel,
      bytes: read.bytes,
      findings: [],
      sawLogin: false,
      checked: false,
      skipped: { file: rel, reason: read.reason },
    };
  }
  offerUtf8(read.text, read.utf8);
  try {
    const result = checkText(read.text, rel, options);
    const findings = await mapFindings(result.findings, read.text, read.real, rootReal, maxBytes);
    const outcome: FileOutcome = {
      file: rel,
      bytes: read.bytes,
      findings,
      sawLogin: result.sawLogin,
      checked: true,
    };
    if (result.syntaxError) {
      outcome.skipped = {
        file: rel,
        reason: `syntax error at ${result.syntaxError}: a browser would not run this script either`,
      };
    }
    return outcome;
  } catch (error) {
    // A checker bug or an input the parser cannot take must not stop the other files.
    const reason =
      error instanceof RangeError
        ? `too complex to check: ${error.message}`
        : `cannot check: ${(error as Error).message}`;
    return {
      file: rel,
      bytes: read.bytes,
      findings: [],
      sawLogin: false,
      checked: false,
      skipped: { file: rel, reason },
    };
  } finally {
    offerUtf8(undefined);
  }
}
