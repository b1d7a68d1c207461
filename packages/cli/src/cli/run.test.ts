import { defineCommand } from 'citty';
import { describe, expect, it } from 'vitest';
import { CliError } from './errors';
import { memoryIo } from './io';
import { reportError, runCli } from './run';

const program = defineCommand({
  meta: { name: 'tool', version: '1.2.3', description: 'test tool' },
  subCommands: {
    boom: defineCommand({
      meta: { name: 'boom', description: 'throws' },
      args: { debug: { type: 'boolean' }, kind: { type: 'string' } },
      run({ args }) {
        if (args.kind === 'user') throw new CliError('the project is wrong', 1, 'fix it');
        if (args.kind === 'fs')
          throw Object.assign(new Error("EACCES: permission denied, open 'x'"), { code: 'EACCES' });
        throw new TypeError('undefined is not a function');
      },
    }),
    ok: defineCommand({ meta: { name: 'ok' }, run: () => 0 }),
  },
});

describe('runCli', () => {
  it('prints user errors as one message with a hint, exit 1', async () => {
    const io = memoryIo('/');
    expect(await runCli(program, ['boom', '--kind', 'user'], io, 'tool')).toBe(1);
    expect(io.err()).toBe('error: the project is wrong\n  fix it\n');
    const fs = memoryIo('/');
    expect(await runCli(program, ['boom', '--kind', 'fs'], fs, 'tool')).toBe(1);
    expect(fs.err()).toBe("error: EACCES: permission denied, open 'x'\n");
  });

  it('calls other exceptions a bug, and shows the stack only with --debug', async () => {
    const io = memoryIo('/');
    expect(await runCli(program, ['boom'], io, 'tool')).toBe(1);
    expect(io.err()).toBe(
      'internal error: undefined is not a function\nThis is a bug in ttdx; please report it.\nRerun with --debug to see the stack trace.\n',
    );
    const debug = memoryIo('/');
    await runCli(program, ['boom', '--debug'], debug, 'tool');
    expect(debug.err()).toMatch(/TypeError: undefined is not a function\n\s+at /);
  });

  it('prints the version and group help, exit 0', async () => {
    const io = memoryIo('/');
    expect(await runCli(program, ['--version'], io, 'tool')).toBe(0);
    expect(io.out()).toBe('1.2.3\n');
    const help = memoryIo('/');
    expect(await runCli(program, ['--help'], help, 'tool')).toBe(0);
    expect(help.out()).toContain('boom');
    expect(await runCli(program, ['ok'], memoryIo('/'), 'tool')).toBe(0);
  });

  it('reportError handles non-Error throws', () => {
    const io = memoryIo('/');
    expect(reportError('a string', io, false)).toBe(1);
    expect(io.err()).toContain('internal error: a string');
  });
});
