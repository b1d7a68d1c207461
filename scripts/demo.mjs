#!/usr/bin/env node
// `npm run demo`: the developer loop on a temporary copy of examples/hello-game, through the real
// `ttdx` binary: init → build:after → check → pack. Prints what each step produced.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const ttdx = join(root, 'packages/cli/bin/ttdx.mjs');
const example = join(root, 'examples/hello-game');

function step(title, args, cwd) {
  process.stdout.write(`\n\u25b6 ttdx ${args.join(' ')}   (${title})\n`);
  const quiet = args.includes('--json');
  const result = spawnSync(process.execPath, [ttdx, ...args], { cwd, stdio: quiet ? 'ignore' : 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`\ndemo stopped: "ttdx ${args.join(' ')}" exited with ${result.status}\n`);
    process.exit(result.status ?? 1);
  }
}

const work = await mkdtemp(join(tmpdir(), 'openminis-demo-'));
const project = join(work, 'hello-game');
await cp(example, project, { recursive: true, filter: (source) => !source.includes('node_modules') });
process.stdout.write(`OpenMinis demo: packing the Star Catcher Mini\nproject copy: ${project}\n`);

step(
  'add the SDK and the client key',
  ['minis', 'init', '--yes', '--no-vconsole', '--client-key', 'demo_client_key'],
  project,
);
step('config + manifest into the output folder', ['minis', 'build:after'], project);
step('forbidden-API check', ['minis', 'check'], project);
step('reproducible ZIP', ['minis', 'pack', '--out', work], project);

const zip = (await readdir(work)).find((name) => name.endsWith('.zip'));
if (zip === undefined) throw new Error(`no ZIP was written to ${work}`);
const zipPath = join(work, zip);
const bytes = await readFile(zipPath);
const sha256 = (data) => createHash('sha256').update(data).digest('hex');
step('pack again: must give the same bytes', ['minis', 'pack', '--out', work, '--json'], project);
const same = sha256(await readFile(zipPath)) === sha256(bytes);
if (!same) {
  process.stderr.write('demo failed: packing twice gave different archives\n');
  process.exit(1);
}
const manifest = JSON.parse(await readFile(join(project, 'public/minis.manifest.json'), 'utf8'));
const html = await readFile(join(project, 'public/index.html'), 'utf8');
process.stdout.write(
  [
    '',
    'Done.',
    `  HTML entry:   ${join(project, 'public/index.html')} (client key set: ${html.includes('"demo_client_key"')})`,
    `  manifest:     ${join(project, 'public/minis.manifest.json')} (${manifest.resource_list.length} root entries)`,
    `  archive:      ${zipPath}`,
    `  size:         ${(await stat(zipPath)).size} bytes`,
    `  sha256:       ${sha256(bytes)} (identical on the second pack: reproducible)`,
    '',
  ].join('\n'),
);
