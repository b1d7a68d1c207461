import { defineCommand } from 'citty';
import { CLI_VERSION } from '../version';
import { minisBuildCommand } from './build';
import { buildAfterCommand } from './build-after';
import { checkCommand } from './check';
import { initCommand } from './init';
import { packCommand } from './pack';

const minisCommands = {
  init: initCommand,
  'build:after': buildAfterCommand,
  check: checkCommand,
  pack: packCommand,
};

/** `ttdx minis <command>` (spec §3.1). */
export const ttdxProgram = defineCommand({
  meta: { name: 'ttdx', version: CLI_VERSION, description: 'TikTok Minis developer tools (OpenMinis)' },
  subCommands: {
    minis: defineCommand({
      meta: { name: 'minis', version: CLI_VERSION, description: 'TikTok Minis relevant commands' },
      subCommands: minisCommands,
    }),
  },
});

/** `minis <command>` (spec §3.2): the newer CLI's names mapped onto the same actions. */
export const minisProgram = defineCommand({
  meta: { name: 'minis', version: CLI_VERSION, description: 'TikTok Minis relevant commands' },
  subCommands: { init: initCommand, build: minisBuildCommand, check: checkCommand, pack: packCommand },
});
