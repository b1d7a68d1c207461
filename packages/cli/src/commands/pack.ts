import { defineCommand } from 'citty';
import { DEFAULT_MAX_ZIP_SIZE, pack } from '../actions/pack';
import { commonArgs, context, jsonArg, printJson } from './common';

export const packCommand = defineCommand({
  meta: {
    name: 'pack',
    description: 'check the build output and write a reproducible ZIP for upload',
  },
  args: {
    dir: {
      type: 'positional',
      required: false,
      description: 'Folder to pack (default: build output folder)',
    },
    force: { type: 'boolean', description: 'Pack even when the check finds errors' },
    'max-size': {
      type: 'string',
      default: DEFAULT_MAX_ZIP_SIZE,
      description: 'Archive size limit',
      valueHint: 'size',
    },
    out: {
      type: 'string',
      description: 'Output file or folder (default: project folder)',
      valueHint: 'path',
    },
    ...jsonArg,
    ...commonArgs,
  },
  async run({ args, data }) {
    const { io, dir } = await context(data, args.cwd);
    const result = await pack(
      {
        projectDir: dir,
        ...(args.dir === undefined ? {} : { dir: args.dir }),
        force: args.force === true,
        maxSize: args['max-size'],
        ...(args.out === undefined ? {} : { out: args.out }),
        quiet: args.json === true,
      },
      io,
    );
    if (args.json) printJson(io, result);
    return 0;
  },
});
