import { runCli } from './run';

/** Process entry of the `openminis` binary (see platform/bin/openminis.mjs). */
const stopSignal = () =>
  new Promise<string>((resolve) => {
    const onSignal = (signal: string) => {
      // A second signal while shutting down stops at once.
      process.once('SIGINT', () => process.exit(130));
      process.once('SIGTERM', () => process.exit(143));
      resolve(signal);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });

const exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  stopSignal,
});
process.exitCode = exitCode;
