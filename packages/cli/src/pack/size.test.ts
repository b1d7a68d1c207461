import { describe, expect, it } from 'vitest';
import { formatBytes, parseSize } from './size';

describe('parseSize / formatBytes', () => {
  it.each([
    ['50MB', 50 * 1024 ** 2],
    ['200 mb', 200 * 1024 ** 2],
    ['1.5GB', 1.5 * 1024 ** 3],
    ['4KB', 4096],
    ['1048576', 1048576],
    ['30MiB', 30 * 1024 ** 2],
  ])('reads %s', (text, bytes) => expect(parseSize(text)).toBe(bytes));

  it.each(['', 'huge', '-1MB', '0', '5 parsecs', '1e9'])('rejects %j', (text) =>
    expect(parseSize(text)).toBeUndefined(),
  );

  it('formats for people', () => {
    expect([formatBytes(512), formatBytes(2048), formatBytes(50 * 1024 ** 2)]).toEqual([
      '512 B',
      '2.0 KB',
      '50.0 MB',
    ]);
  });
});
