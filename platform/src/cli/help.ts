import { settings } from '../config';

/** `openminis --help`: every command, flag and setting (with its env var and default). */
export function helpText(): string {
  const width = Math.max(...settings.map((s) => s.env.length)) + 2;
  const rows = settings.map(
    (s) =>
      `  ${s.env.padEnd(width)}${s.description}\n  ${' '.repeat(width)}default: ${s.defaultText}; file key: "${s.key}"`,
  );
  return `openminis — the OpenMinis platform server (Open API, emulator control API, portal)

Usage:
  openminis serve [--demo] [--port <n>] [--host <addr>] [--data-dir <dir>] [--config <file>]
  openminis worker [--config <file>] [--data-dir <dir>]
  openminis migrate [--config <file>] [--data-dir <dir>]
  openminis --help | --version

Commands:
  serve     run migrations, then serve HTTP until SIGINT/SIGTERM
            --demo  create (once) a demo organization, app and user and print how to call them
  worker    deliver webhooks from the shared database (no HTTP) until SIGINT/SIGTERM;
            serve already delivers them, extra workers share the load (docs/webhooks.md)
  migrate   apply pending database migrations and exit

Flags override environment variables, which override the config file (--config or
OPENMINIS_CONFIG, a JSON object with the file keys below), which overrides defaults.

Settings:
${rows.join('\n')}
  OPENMINIS_CONFIG${' '.repeat(Math.max(1, width - 16))}path of the JSON config file (same as --config)

Storage: embedded SQLite in <dataDir>/openminis.sqlite unless DATABASE_URL is a postgres:// URL.
`;
}
