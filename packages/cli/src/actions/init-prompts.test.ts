import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../cli/io';
import { copyFixture, removeFixtures } from '../e2e/harness';
import { init } from './init';

afterAll(removeFixtures);

/** A fake terminal that answers each prompt when its question appears. */
function terminal(answers: Array<[question: string, keys: string]>) {
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => input });
  const output = Object.assign(new PassThrough(), { isTTY: true, columns: 80, rows: 24 });
  let screen = '';
  output.on('data', (chunk: Buffer) => {
    screen += chunk.toString();
    const next = answers[0];
    if (next !== undefined && screen.includes(next[0])) {
      answers.shift();
      screen = '';
      setImmediate(() => input.write(next[1]));
    }
  });
  return { input, output, pending: () => answers.length };
}

describe('init on a terminal', () => {
  it('asks for the client key, HTML entry and output folder, pre-filled with what it detected', async () => {
    const dir = await copyFixture('vite-app');
    const tty = terminal([
      ['Client key', 'awfromtty\r'],
      ['HTML entry', '\r'],
      ['Build output folder', '\r'],
    ]);
    const io = { ...memoryIo(dir, { isTTY: true }), stdin: tty.input, stdoutStream: tty.output };
    const result = await init({ projectDir: dir, vconsole: false }, io);
    expect(tty.pending()).toBe(0);
    expect(result.configCreated).toBe(true);
    const config = JSON.parse(await readFile(join(dir, 'minis.config.json'), 'utf8'));
    expect(config.dev.clientKey).toBe('awfromtty');
    expect(config.build).toEqual({ outputDir: 'dist', htmlEntry: 'index.html' });
    expect(await readFile(join(dir, 'index.html'), 'utf8')).toContain('clientKey: "awfromtty"');
  });
});
