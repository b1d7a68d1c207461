import { defineCommand } from 'citty';
import { CLI_VERSION } from '../version';

// Lazy: `--version` and `--help` of the group do not load the checker or the prompts.
const initCommand = () => import('./init').then((m) => m.initCommand);
const buildAfterCommand = () => import('./build-after').then((m) => m.buildAfterCommand);
const checkCommand = () => import('./check').then((m) => m.checkCommand);
const packCommand = () => import('./pack').then((m) => m.packCommand);
const minisBuildCommand = () => import('./build').then((m) => m.minisBuildCommand);

/** `ttdx minis <command>` (spec §3.1). */
export const ttdxProgram = defineCommand({
  meta: { name: 'ttdx', version: CLI_VERSION, description: 'TikTok Minis developer tools (OpenMinis)' },
  subCommands: {
    minis: defineCommand({
      meta: { name: 'minis', version: CLI_VERSION, description: 'TikTok Minis relevant commands' },
      subCommands: {
        init: initCommand,
        'build:after': buildAfterCommand,
        check: checkCommand,
        pack: packCommand,
      },
    }),
  },
});

/** `minis <command>` (spec §3.2): the newer CLI's names mapped onto the same actions. */
export const minisProgram = defineCommand({
  meta: { name: 'minis', version: CLI_VERSION, description: 'TikTok Minis relevant commands' },
  subCommands: { init: initCommand, build: minisBuildCommand, check: checkCommand, pack: packCommand },
});
