import type { WalkedFile } from '@openminis/protocol/node';
import type { Style } from '../cli/style';
import { formatBytes } from './size';

export function largestFiles(
  files: readonly WalkedFile[],
  count = 10,
): Array<{ path: string; size: number }> {
  return [...files]
    .sort((a, b) => b.size - a.size || (a.path < b.path ? -1 : 1))
    .slice(0, count)
    .map(({ path, size }) => ({ path, size }));
}

/** The size report printed after packing: the largest files, then totals against the limit. */
export function formatSizeReport(
  style: Style,
  files: readonly WalkedFile[],
  zip: { label: string; bytes: number; limit: number },
): string {
  const largest = largestFiles(files);
  const width = Math.max(...largest.map((file) => formatBytes(file.size).length), 1);
  const total = files.reduce((sum, file) => sum + file.size, 0);
  const rows = largest.map((file) => `  ${formatBytes(file.size).padStart(width)}  ${file.path}`);
  const share = Math.round((zip.bytes / zip.limit) * 100);
  return [
    style.bold(`Largest files (${Math.min(largest.length, files.length)} of ${files.length}):`),
    ...rows,
    '',
    `${files.length} files, ${formatBytes(total)} uncompressed → ${style.bold(zip.label)} ${formatBytes(zip.bytes)} ` +
      style.dim(`(${share}% of the ${formatBytes(zip.limit)} limit)`),
    '',
  ].join('\n');
}
