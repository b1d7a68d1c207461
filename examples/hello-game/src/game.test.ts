import { fileURLToPath } from 'node:url';
import { checkDirectory } from '@openminis/checker';
import { loadMinisConfig } from '@openminis/protocol/node';
import { describe, expect, it } from 'vitest';

const project = fileURLToPath(new URL('..', import.meta.url));

describe('examples/hello-game', () => {
  it('has a valid config and passes the forbidden-API check, login included', async () => {
    const loaded = await loadMinisConfig(project);
    expect(loaded?.warnings).toEqual([]);
    expect(loaded?.config.build).toEqual({ outputDir: 'public', htmlEntry: 'public/index.html' });
    const result = await checkDirectory(fileURLToPath(new URL('../public', import.meta.url)));
    expect(result.findings).toEqual([]);
    expect(result.skipped).toEqual([]);
    expect(result.files).toEqual(['game.js', 'index.html', 'style.css']);
  });
});
