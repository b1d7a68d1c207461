import { defineCommand } from 'citty';
import { init } from '../actions/init';
import { commonArgs, context } from './common';

export const initCommand = defineCommand({
  meta: {
    name: 'init',
    description: 'initialize minis.config.json and add the SDK to the HTML entry',
  },
  args: {
    'client-key': { type: 'string', description: 'Client key from the developer portal', valueHint: 'key' },
    'html-entry': { type: 'string', description: 'HTML entry file (default: detected)', valueHint: 'file' },
    'output-dir': {
      type: 'string',
      description: 'Build output folder (default: detected)',
      valueHint: 'dir',
    },
    yes: { type: 'boolean', alias: 'y', description: 'Do not ask; use flags and detected defaults' },
    vconsole: {
      type: 'boolean',
      default: true,
      description: 'Inject vConsole',
      negativeDescription: 'Do not inject vConsole',
    },
    ...commonArgs,
  },
  async run({ args, data }) {
    const { io, dir } = await context(data, args.cwd);
    await init(
      {
        projectDir: dir,
        ...(args['client-key'] === undefined ? {} : { clientKey: args['client-key'] }),
        ...(args['html-entry'] === undefined ? {} : { htmlEntry: args['html-entry'] }),
        ...(args['output-dir'] === undefined ? {} : { outputDir: args['output-dir'] }),
        yes: args.yes === true,
        vconsole: args.vconsole !== false,
      },
      io,
    );
    return 0;
  },
});
