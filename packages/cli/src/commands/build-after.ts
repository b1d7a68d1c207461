import { defineCommand } from 'citty';
import { buildAfter } from '../actions/build-after';
import { commonArgs, context, jsonArg, printJson } from './common';

export const buildAfterCommand = defineCommand({
  meta: {
    name: 'build:after',
    description: 'generate minis dependent files to build product folder',
  },
  args: { ...jsonArg, ...commonArgs },
  async run({ args, data }) {
    const { io, dir } = await context(data, args.cwd);
    const result = await buildAfter({ projectDir: dir, quiet: args.json === true }, io);
    if (args.json) {
      const { manifest: _manifest, ...summary } = result;
      printJson(io, summary);
    }
    return 0;
  },
});
