import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { cancel, intro, isCancel, outro, text } from '@clack/prompts';
import { CliError } from '../cli/errors';
import type { CliIo } from '../cli/io';

export interface InitAnswers {
  clientKey: string | undefined;
  htmlEntry: string | undefined;
  outputDir: string;
}

function answered(value: string | symbol): string {
  if (typeof value === 'symbol' || isCancel(value)) {
    cancel('init cancelled; nothing was written');
    throw new CliError('cancelled', 1);
  }
  return value;
}

/** Asks for the values `init` needs, pre-filled with what flags, config and detection found. */
export async function promptInitAnswers(
  defaults: InitAnswers,
  projectDir: string,
  io: CliIo,
): Promise<InitAnswers> {
  const common = {
    ...(io.stdin === undefined ? {} : { input: io.stdin }),
    ...(io.stdoutStream === undefined ? {} : { output: io.stdoutStream as Writable }),
  };
  intro('ttdx minis init');
  const clientKey = answered(
    await text({
      ...common,
      message: 'Client key (from the developer portal; leave empty to fill in later)',
      placeholder: 'aw...',
      ...(defaults.clientKey === undefined ? {} : { initialValue: defaults.clientKey }),
      validate: (value) =>
        value === undefined || value === '' || /^[\w-]{1,128}$/.test(value)
          ? undefined
          : 'letters, digits, _ or - only',
    }),
  );
  const htmlEntry = answered(
    await text({
      ...common,
      message: 'HTML entry',
      ...(defaults.htmlEntry === undefined
        ? { placeholder: 'index.html' }
        : { initialValue: defaults.htmlEntry }),
      validate: (value) =>
        value === undefined || value.trim() === '' ? 'an HTML file is required' : undefined,
    }),
  );
  if (!(await stat(resolve(projectDir, htmlEntry)).catch(() => undefined))?.isFile()) {
    throw new CliError(`HTML entry "${htmlEntry}" does not exist`, 1, 'pass --html-entry <file>');
  }
  const outputDir = answered(
    await text({
      ...common,
      message: 'Build output folder',
      initialValue: defaults.outputDir,
      validate: (value) => (value === undefined || value.trim() === '' ? 'a folder is required' : undefined),
    }),
  );
  outro('writing files');
  return { clientKey: clientKey === '' ? undefined : clientKey, htmlEntry, outputDir };
}
