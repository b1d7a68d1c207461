import type { CheckResult, Finding } from '@openminis/checker';
import type { Style } from '../cli/style';
import { codeFrame, LineIndex } from './code-frame';
import { plural, summarize } from './summary';

export interface PrettyOptions {
  style: Style;
  /** How the checked folder is shown, e.g. `dist`. */
  dirLabel: string;
  /** Returns a file's text (path relative to the checked folder), or undefined when it cannot be read. */
  readSource: (file: string) => string | undefined;
  /** Frames beyond this many are left out to keep huge reports readable. */
  maxFrames?: number;
}

function inDir(dirLabel: string, file: string): string {
  return dirLabel === '.' ? file : `${dirLabel}/${file}`;
}

function location(finding: Finding): string {
  return `${finding.line}:${finding.column}`;
}

/** Human report: findings grouped by file with code frames, skipped files, then a one-line summary. */
export function formatPretty(result: CheckResult, options: PrettyOptions): string {
  const { style } = options;
  const maxFrames = options.maxFrames ?? 50;
  const lines: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  let frames = 0;
  for (const [file, findings] of byFile) {
    lines.push(style.bold(inDir(options.dirLabel, file)));
    const text = options.readSource(file);
    const index = text === undefined ? undefined : new LineIndex(text);
    for (const finding of findings) {
      const severity = finding.severity === 'error' ? style.red('error') : style.yellow('warning');
      lines.push(`  ${location(finding)}  ${severity}  ${finding.message}  ${style.dim(finding.rule)}`);
      if (index !== undefined && frames < maxFrames) {
        frames++;
        const frame = codeFrame(index, finding.line, finding.column, {
          ...(finding.endLine === finding.line && finding.endColumn !== undefined
            ? { endColumn: finding.endColumn }
            : {}),
        });
        lines.push(...frame.split('\n').map((row) => `    ${style.dim(row)}`));
      }
      if (finding.original !== undefined) {
        const { file: source, line, column } = finding.original;
        lines.push(`    ${style.dim('from')} ${source}:${line}:${column}`);
      }
      if (finding.hint !== '') lines.push(`    ${style.cyan('hint')}: ${finding.hint}`);
    }
    lines.push('');
  }
  if (frames >= maxFrames && result.findings.length > maxFrames) {
    lines.push(style.dim(`(code frames shown for the first ${maxFrames} findings only)`), '');
  }
  if (result.skipped.length > 0) {
    lines.push(style.bold('Files that could not be checked:'));
    for (const skipped of result.skipped) {
      lines.push(`  ${style.red('error')}  ${inDir(options.dirLabel, skipped.file)}: ${skipped.reason}`);
    }
    lines.push('');
  }
  const summary = summarize(result);
  const checked = `${plural(summary.files, 'file')} checked in ${options.dirLabel}`;
  if (result.findings.length === 0 && summary.skipped === 0) {
    lines.push(`${style.green('✓')} no problems found (${checked})`);
  } else {
    const parts = [plural(summary.errors, 'error'), plural(summary.warnings, 'warning')];
    if (summary.skipped > 0) parts.push(`${plural(summary.skipped, 'file')} not checked`);
    const mark = summary.failed ? style.red('✖') : style.yellow('!');
    lines.push(`${mark} ${parts.join(', ')} (${checked})`);
  }
  return `${lines.join('\n')}\n`;
}
