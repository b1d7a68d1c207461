import { describe, expect, it } from 'vitest';
import { MinisConfigError } from './errors';
import { parseMinisConfig } from './parse';

function errorOf(text: string): MinisConfigError {
  try {
    parseMinisConfig(text, 'minis.config.json');
  } catch (error) {
    if (error instanceof MinisConfigError) return error;
    throw error;
  }
  throw new Error('expected a MinisConfigError');
}

describe('parseMinisConfig: the documented shapes (spec §2.4)', () => {
  it('reads example A (output, string port, lightModeBgColor)', () => {
    const { config } = parseMinisConfig(`{
      "navbar": { "lightModeBgColor": "#ffffff", "darkModeBgColor": "#000000" },
      "dev":    { "port": "3000", "host": "localhost" },
      "build":  { "htmlEntry": "public/index.html", "output": "dist" }
    }`);
    expect(config).toEqual({
      navbar: { lightColor: '#ffffff', darkColor: '#000000', style: 'default' },
      dev: { host: 'localhost', port: 3000 },
      build: { outputDir: 'dist', htmlEntry: 'public/index.html' },
      trustedDomains: [],
    });
  });

  it('reads example B with its trailing comma and comments, and allowList', () => {
    const { config, warnings } = parseMinisConfig(`{
      // navigation bar
      "navbar": { "lightModeBgColor": "#ffffff", "darkModeBgColor": "#000000", },
      "dev":    { "port": "3000", "host": "localhost" },
      /* build settings */
      "build":  { "outputDir": "build", "htmlEntry": "public/index.html" },
      "domain": { "allowList": ["https://www.xxx.com"] }
    }`);
    expect(config.trustedDomains).toEqual(['https://www.xxx.com']);
    expect(config.build.outputDir).toBe('build');
    expect(warnings).toEqual([]);
  });

  it('reads the navigation-bar guide form and prefers bgColor* names', () => {
    const { config } = parseMinisConfig(
      '{ "navbar": { "style": "custom", "bgColorLight": "#fff", "bgColorDark": "#000", "lightModeBgColor": "#111" } }',
    );
    expect(config.navbar).toEqual({ lightColor: '#fff', darkColor: '#000', style: 'custom' });
  });

  it('applies defaults to an empty object and warns that no domains are declared', () => {
    const { config, warnings } = parseMinisConfig('{}');
    expect(config.dev).toEqual({ host: 'localhost', port: 3000 });
    expect(config.build).toEqual({ outputDir: 'build', htmlEntry: 'public/index.html' });
    expect(warnings).toEqual([expect.stringMatching(/^minis\.config\.json: no domain\.trustedDomains/)]);
  });

  it('uses outputDir > output > folderName and warns when they differ', () => {
    const { config, warnings } = parseMinisConfig(
      '{ "build": { "folderName": "out", "output": "./dist/" }, "domain": { "trustedDomains": [] } }',
    );
    expect(config.build.outputDir).toBe('dist');
    expect(warnings).toEqual([
      'minis.config.json: build.output "dist" differs from build.folderName "out"; using "dist"',
    ]);
    const same = parseMinisConfig(
      '{ "build": { "outputDir": "dist", "output": "dist/" }, "domain": {"allowList": []} }',
    );
    expect(same.warnings).toEqual([]);
  });

  it('keeps unknown keys in raw and exposes dev.clientKey', () => {
    const { raw, config } = parseMinisConfig(
      '{ "dev": { "clientKey": "awabc123", "entry": "/tiktok" }, "future": [1] }',
    );
    expect(raw.future).toEqual([1]);
    expect((raw.dev as Record<string, unknown>).entry).toBe('/tiktok');
    expect(config.clientKey).toBe('awabc123');
    expect(config.dev.entry).toBe('/tiktok');
  });

  it('does not let a __proto__ key reach the prototype chain', () => {
    const { raw } = parseMinisConfig('{ "__proto__": { "polluted": true } }');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(raw)).toBe(Object.prototype);
  });
});

describe('parseMinisConfig: trusted domains (spec §2.5 rule 4, §4.2)', () => {
  it('normalises case, trailing slash and default port, and deduplicates', () => {
    const { config } = parseMinisConfig(
      '{ "domain": { "trustedDomains": ["https://API.Example.com/", "https://api.example.com:443", "wss://ws.example.com:8443"] } }',
    );
    expect(config.trustedDomains).toEqual(['https://api.example.com', 'wss://ws.example.com:8443']);
  });

  it.each([
    ['https://api.x.com/v1', 'without a path'],
    ['http://api.x.com', 'not http://'],
    ['https://*.x.com', 'without wildcards'],
    ['api.x.com', 'starting with https://'],
    ['https://api.x.com?a=1', 'without a path, query or fragment'],
    ['ftp://api.x.com', 'not ftp://'],
    ['https://user:pw@api.x.com', 'without credentials'],
  ])('rejects %s', (domain, expected) => {
    const error = errorOf(
      `{ "domain": { "trustedDomains": ["https://ok.com", "https://ok2.com", ${JSON.stringify(domain)}] } }`,
    );
    expect(error.keyPath).toBe('domain.trustedDomains[2]');
    expect(error.expected).toContain(expected);
    expect(error.found).toBe(JSON.stringify(domain));
    expect(error.message).toContain(`domain.trustedDomains[2]: expected `);
    expect(error.message).toContain(`found ${JSON.stringify(domain)}`);
    expect(error.line).toBe(1);
  });

  it('reads like the documented example message', () => {
    const error = errorOf(
      '{"domain":{"trustedDomains":["https://a.com","https://b.com","https://api.x.com/v1"]}}',
    );
    expect(error.message).toBe(
      'minis.config.json:1:62: domain.trustedDomains[2]: expected an https:// (or wss://) origin without a path, query or fragment, found "https://api.x.com/v1"',
    );
  });

  it('accepts http://localhost with a warning', () => {
    const { config, warnings } = parseMinisConfig(
      '{ "domain": { "trustedDomains": ["http://localhost:8787"] } }',
    );
    expect(config.trustedDomains).toEqual(['http://localhost:8787']);
    expect(warnings[0]).toContain('local development only');
  });

  it('rejects more than 20 distinct domains', () => {
    const domains = Array.from({ length: 21 }, (_, i) => `https://d${i}.example.com`);
    const error = errorOf(JSON.stringify({ domain: { trustedDomains: domains } }));
    expect(error.keyPath).toBe('domain.trustedDomains');
    expect(error.expected).toBe('at most 20 distinct domains');
    expect(error.found).toBe('21');
    // 21 entries that collapse to 20 are fine.
    parseMinisConfig(
      JSON.stringify({ domain: { trustedDomains: [...domains.slice(0, 20), 'https://D0.example.com/'] } }),
    );
  });
});

describe('parseMinisConfig: bad input', () => {
  it('reports a syntax error with line and column', () => {
    const error = errorOf('{\n  "dev": {\n    "port": 3000\n    "host": "localhost"\n  }\n}');
    expect(error.line).toBe(4);
    expect(error.column).toBe(5);
    expect(error.message).toBe('minis.config.json:4:5: expected a comma (,), found "\\"host\\""');
  });

  it('reports the documented pseudo-JSON ("a" or "b") clearly', () => {
    const error = errorOf('{ "build": { "output": "build" or "dist" } }');
    expect(error.message).toMatch(/^minis\.config\.json:1:32: expected /);
  });

  it('rejects an empty file and a non-object', () => {
    expect(errorOf('').message).toBe('minis.config.json: expected a JSON object, found an empty file');
    expect(errorOf('[1]').message).toBe('minis.config.json:1:1: expected a JSON object, found an array of 1');
  });

  it('names the key, the expectation and the finding for wrong types', () => {
    const error = errorOf(
      '{\n  "dev": { "port": "abc" },\n  "navbar": { "style": "fancy", "bgColorDark": "black" }\n}',
    );
    expect(error.issues.map((issue) => issue.keyPath)).toEqual([
      'dev.port',
      'navbar.style',
      'navbar.bgColorDark',
    ]);
    expect(error.message.split('\n')).toEqual([
      'minis.config.json:2:12: dev.port: expected a port number from 1 to 65535 (number or numeric string), found "abc"',
      'minis.config.json:3:15: navbar.style: expected "custom" or "default", found "fancy"',
      'minis.config.json:3:33: navbar.bgColorDark: expected a hex colour such as "#ffffff", found "black"',
    ]);
  });

  it.each(['/etc', '../outside', 'dist/../../x', 'C:\\\\build'])(
    'rejects outputDir %s leaving the project',
    (dir) => {
      const error = errorOf(`{ "build": { "outputDir": ${JSON.stringify(dir)} } }`);
      expect(error.keyPath).toBe('build.outputDir');
      expect(error.expected).toContain('relative path inside the project');
    },
  );

  it('rejects ports out of range and accepts numeric strings', () => {
    expect(errorOf('{ "dev": { "port": 70000 } }').keyPath).toBe('dev.port');
    expect(errorOf('{ "dev": { "port": 30.5 } }').keyPath).toBe('dev.port');
    expect(parseMinisConfig('{ "dev": { "port": " 8080 " } }').config.dev.port).toBe(8080);
  });
});
