import { processIo } from '../cli/io';
import { runCli } from '../cli/run';
import { minisProgram } from '../commands/programs';

process.exitCode = await runCli(minisProgram, process.argv.slice(2), processIo(), 'minis');
