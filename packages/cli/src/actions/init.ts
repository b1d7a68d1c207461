import { readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CONFIG_FILE_NAME } from '@openminis/protocol';
import type { LoadedMinisConfig } from '@openminis/protocol/node';
import { applyEdits, modify } from 'jsonc-parser';
import { CliError, UsageError } from '../cli/errors';
import type { CliIo } from '../cli/io';
import { styleFor } from '../cli/style';
import { injectSdk, NoHeadError } from '../html/inject';
import { detectHtmlEntry, detectOutputDir } from '../project/detect';
import { loadConfig, shown } from '../project/project';
import { promptInitAnswers } from './init-prompts';

export interface InitOptions {
  projectDir: string;
  clientKey?: string;
  htmlEntry?: string;
  outputDir?: string;
  /** Never prompt; use flags, the existing config and detected defaults. */
  yes?: boolean;
  /** Inject vConsole (default true, like the official CLI). */
  vconsole?: boolean;
}

export interface InitResult {
  configPath: string;
  configCreated: boolean;
  configChanged: boolean;
  htmlPath: string;
  htmlChanged: boolean;
  added: string[];
  warnings: string[];
}

const CLIENT_KEY = /^[\w-]{1,128}$/;

function validateFlags(options: Pick<InitOptions, 'clientKey' | 'htmlEntry' | 'outputDir'>): void {
  if (options.clientKey !== undefined && !CLIENT_KEY.test(options.clientKey)) {
    throw new UsageError(
      `--client-key: expected letters, digits, _ or - (at most 128), found ${JSON.stringify(options.clientKey)}`,
    );
  }
  for (const [flag, value] of [
    ['--html-entry', options.htmlEntry],
    ['--output-dir', options.outputDir],
  ] as const) {
    if (
      value !== undefined &&
      (value.trim() === '' || value.startsWith('/') || value.split(/[\\/]/).includes('..'))
    ) {
      throw new UsageError(`${flag}: expected a path inside the project, found ${JSON.stringify(value)}`);
    }
  }
}

/** Which spelling of the output key the file already uses, so edits do not create conflicting keys. */
function outputKey(config: LoadedMinisConfig | undefined): string {
  const build = (config?.raw.build ?? {}) as Record<string, unknown>;
  return ['outputDir', 'output', 'folderName'].find((key) => typeof build[key] === 'string') ?? 'outputDir';
}

function newConfigText(values: { clientKey?: string; htmlEntry: string; outputDir: string }): string {
  const config = {
    navbar: { lightModeBgColor: '#ffffff', darkModeBgColor: '#000000' },
    dev: {
      host: 'localhost',
      port: 3000,
      ...(values.clientKey === undefined ? {} : { clientKey: values.clientKey }),
    },
    build: { outputDir: values.outputDir, htmlEntry: values.htmlEntry },
    domain: { trustedDomains: [] },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** Sets the given values in an existing config, keeping its comments, formatting and unknown keys. */
function editConfigText(text: string, edits: Array<[string[], string]>): string {
  let out = text;
  const formattingOptions = { insertSpaces: true, tabSize: 2, eol: text.includes('\r\n') ? '\r\n' : '\n' };
  for (const [path, value] of edits) out = applyEdits(out, modify(out, path, value, { formattingOptions }));
  return out;
}

/**
 * `ttdx minis init` (spec §3.1): creates `minis.config.json` and injects the SDK script, the
 * `TTMinis.init` call and vConsole into the HTML entry. Running it again changes nothing.
 */
export async function init(options: InitOptions, io: CliIo): Promise<InitResult> {
  validateFlags(options);
  const dir = options.projectDir;
  const style = styleFor(io);
  const existing = await loadConfig(dir, io);
  const rawBuild = (existing?.raw.build ?? {}) as Record<string, unknown>;
  const outputDir =
    options.outputDir ?? (existing ? existing.config.build.outputDir : await detectOutputDir(dir));
  // Spec §2.5 rule 3: without a usual entry, the output folder's index.html (projects without a build).
  const detectedEntry =
    (await detectHtmlEntry(dir)) ?? (await detectHtmlEntry(join(dir, outputDir), outputDir));
  let values = {
    clientKey: options.clientKey ?? existing?.config.clientKey,
    htmlEntry:
      options.htmlEntry ?? (typeof rawBuild.htmlEntry === 'string' ? rawBuild.htmlEntry : detectedEntry),
    outputDir,
  };
  if (!options.yes && io.isTTY && io.stdin !== undefined) {
    values = await promptInitAnswers(values, dir, io);
    validateFlags(values);
  }
  const htmlEntry = values.htmlEntry;
  if (htmlEntry === undefined) {
    throw new CliError(
      `no HTML entry found in ${shown(io, dir)} (looked for index.html, public/index.html, src/index.html)`,
      1,
      'pass --html-entry <file>, e.g. --html-entry index.html',
    );
  }
  const htmlPath = resolve(dir, htmlEntry);
  const htmlInfo = await stat(htmlPath).catch(() => undefined);
  if (!htmlInfo?.isFile()) {
    throw new CliError(`HTML entry "${shown(io, htmlPath)}" does not exist`, 1, 'pass --html-entry <file>');
  }
  const html = await readFile(htmlPath, 'utf8');
  let injected: ReturnType<typeof injectSdk>;
  try {
    injected = injectSdk(html, {
      ...(values.clientKey === undefined ? {} : { clientKey: values.clientKey }),
      vconsole: options.vconsole ?? true,
    });
  } catch (error) {
    if (error instanceof NoHeadError) {
      throw new CliError(
        `${shown(io, htmlPath)} has no <head> element`,
        1,
        'add <head></head> after <html>, then rerun init',
      );
    }
    throw error;
  }

  // Everything is checked; now write.
  const configPath = join(dir, CONFIG_FILE_NAME);
  let configChanged = false;
  if (existing === undefined) {
    await writeFile(configPath, newConfigText({ ...values, htmlEntry }));
    configChanged = true;
  } else {
    const edits: Array<[string[], string]> = [];
    if (values.clientKey !== undefined && existing.config.clientKey !== values.clientKey) {
      edits.push([['dev', 'clientKey'], values.clientKey]);
    }
    if (htmlEntry !== rawBuild.htmlEntry) edits.push([['build', 'htmlEntry'], htmlEntry]);
    if (values.outputDir !== existing.config.build.outputDir)
      edits.push([['build', outputKey(existing)], values.outputDir]);
    if (edits.length > 0) {
      await writeFile(configPath, editConfigText(existing.bytes.toString('utf8'), edits));
      configChanged = true;
    }
  }
  if (injected.changed) await writeFile(htmlPath, injected.html);

  const warnings = [...injected.warnings];
  if (injected.added.includes('added vConsole')) {
    warnings.push(
      'vConsole is for debugging: check and pack reject it; "init --no-vconsole" removes it before release',
    );
  }
  if (values.clientKey === undefined) {
    warnings.push('no client key yet: find it in the developer portal and rerun with --client-key <key>');
  }
  const check = style.green('✓');
  const lines = [
    existing === undefined
      ? `${check} created ${shown(io, configPath)}`
      : `${configChanged ? check : '-'} ${shown(io, configPath)} ${configChanged ? 'updated' : 'already set up'}`,
    injected.changed
      ? `${check} ${shown(io, htmlPath)}: ${injected.added.join(', ')}`
      : `- ${shown(io, htmlPath)} already set up`,
  ];
  io.stdout.write(`${lines.join('\n')}\n`);
  for (const warning of warnings) io.stderr.write(`${style.yellow('warning')}: ${warning}\n`);
  return {
    configPath,
    configCreated: existing === undefined,
    configChanged,
    htmlPath,
    htmlChanged: injected.changed,
    added: injected.added,
    warnings,
  };
}
