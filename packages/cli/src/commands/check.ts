import { defineCommand } from 'citty';
import { type CheckFormat, check } from '../actions/check';
import { commonArgs, context } from './common';

export const checkCommand = defineCommand({
  meta: {
    name: 'check',
    description: 'check a built Mini for forbidden APIs (exit 1 on errors)',
  },
  args: {
    dir: {
      type: 'positional',
      required: false,
      description: 'Folder to check (default: build output folder)',
    },
    format: {
      type: 'enum',
      options: ['pretty', 'json', 'sarif'],
      default: 'pretty',
      description: 'Report format',
    },
    json: { type: 'boolean', description: 'Same as --format json' },
    output: { type: 'string', alias: 'o', description: 'Write the report to a file', valueHint: 'file' },
    ...commonArgs,
  },
  async run({ args, data }) {
    const { io, dir } = await context(data, args.cwd);
    const outcome = await check(
      {
        projectDir: dir,
        ...(args.dir === undefined ? {} : { dir: args.dir }),
        format: args.json ? 'json' : (args.format as CheckFormat),
        ...(args.output === undefined ? {} : { output: args.output }),
      },
      io,
    );
    return outcome.exitCode;
  },
});
