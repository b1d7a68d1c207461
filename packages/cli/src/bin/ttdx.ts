import { processIo } from '../cli/io';
import { runCli } from '../cli/run';
import { ttdxProgram } from '../commands/programs';

process.exitCode = await runCli(ttdxProgram, process.argv.slice(2), processIo(), 'ttdx');
