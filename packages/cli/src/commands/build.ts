import { defineCommand } from 'citty';
import { buildAfter } from '../actions/build-after';
import { check } from '../actions/check';
import { commonArgs, context } from './common';

/** `minis build` (spec §3.2): validates the build output = build:after, then check. */
export const minisBuildCommand = defineCommand({
  meta: {
    name: 'build',
    description: 'after your own build: add the config and manifest, then check the output',
  },
  args: { ...commonArgs },
  async run({ args, data }) {
    const { io, dir } = await context(data, args.cwd);
    await buildAfter({ projectDir: dir }, io);
    return (await check({ projectDir: dir }, io)).exitCode;
  },
});
