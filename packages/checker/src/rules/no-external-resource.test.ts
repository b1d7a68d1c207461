import { describe, expect, it } from 'vitest';
import { checkSource } from '../check-source';
import { count, hits } from './test-helpers';

const inHtml = (html: string) =>
  checkSource(html, 'index.html').filter((f) => f.rule === 'no-external-resource');

describe('no-external-resource (HTML)', () => {
  it.each([
    '<script src="https://cdn.example.com/lib.js"></script>',
    '<script src="//cdn.example.com/lib.js"></script>',
    '<script src="http://cdn.example.com/lib.js"></script>',
    '<SCRIPT SRC="HTTPS://CDN.EXAMPLE.COM/LIB.JS"></SCRIPT>',
    '<script type="module" src="https://esm.sh/react"></script>',
    '<link rel="stylesheet" href="https://cdn.example.com/a.css">',
    '<link rel="preload" as="script" href="https://cdn.example.com/a.js">',
    '<link rel="preload" as="style" href="https://cdn.example.com/a.css">',
    '<link rel="modulepreload" href="https://cdn.example.com/a.js">',
    '<style>@import url("https://cdn.example.com/a.css");</style>',
    '<script type="module">import x from "https://esm.sh/x"</script>',
    '<script>import("https://esm.sh/x")</script>',
    '<script type="importmap">{"imports":{"x":"https://esm.sh/x"}}</script>',
    '<base href="https://cdn.example.com/">',
  ])('flags %s', (html) => {
    expect(inHtml(html)).toHaveLength(1);
  });

  it.each([
    '<script src="https://connect.tiktok-minis.com/drama/sdk.js"></script>',
    '<script src="https://developers.tiktok.com/js/minis.js"></script>',
    '<script src="./app.js"></script><script src="/static/app.js"></script><script src="app.js?v=https://x"></script>',
    '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Inter">',
    '<link rel="preload" as="font" href="https://cdn.example.com/a.woff2" crossorigin>',
    '<link rel="icon" href="https://cdn.example.com/favicon.ico">',
    '<img src="https://cdn.example.com/a.png"><a href="https://example.com">x</a>',
    '<style>@font-face { font-family: X; src: url(https://cdn.example.com/x.woff2) } body { background: url(https://cdn.example.com/bg.png) }</style>',
    '<!-- <script src="https://cdn.example.com/lib.js"></script> -->',
  ])('does not flag %s', (html) => {
    expect(inHtml(html)).toEqual([]);
  });

  it('warns (not errors) about vConsole from unpkg, with a hint to remove it before release', () => {
    const [finding] = inHtml(
      '<head><script src="https://unpkg.com/vconsole@latest/dist/vconsole.min.js"></script></head>',
    );
    expect(finding?.hint).toMatch(/vConsole/);
    expect(finding?.severity).toBe('warning');
    expect(finding?.line).toBe(1);
    expect(finding?.column).toBe(20);
  });
});

describe('no-external-resource (CSS)', () => {
  const css = (text: string) => hits(text, 'no-external-resource', undefined, 'style.css');
  it('flags remote @import in every form', () => {
    expect(
      css(
        '@import url(https://cdn.example.com/a.css);\n@import "//cdn.example.com/b.css" screen;\n@IMPORT url("http://x.com/c.css");',
      ),
    ).toEqual(['1:1', '2:1', '3:1']);
  });
  it('allows local imports, font services, @font-face and images', () => {
    expect(
      css(
        '@import "./local.css"; @import url(https://fonts.googleapis.com/css?family=X); @font-face { src: url(https://cdn.example.com/f.woff2) } a { background: url(https://x.com/a.png) } /* @import url(https://x.com/a.css); */',
      ),
    ).toEqual([]);
  });
});

describe('no-external-resource (JS)', () => {
  it.each([
    "import('https://cdn.example.com/x.js')",
    "const u = 'https://cdn.example.com/x.js'; import(u)",
    "importScripts('https://cdn.example.com/worker.js')",
    "const s = document.createElement('script'); s.src = 'https://cdn.example.com/x.js'",
    "const s = document.createElement('script'); s.setAttribute('src', '//cdn.example.com/x.js')",
    "new Worker('https://cdn.example.com/w.js')",
    "document.write('<script src=\"https://cdn.example.com/x.js\"></' + 'script>')",
  ])('flags %s', (code) => {
    expect(count(code, 'no-external-resource')).toBe(1);
  });
  it('flags a static import from a URL in a module', () => {
    expect(hits("import x from 'https://esm.sh/x';", 'no-external-resource', undefined, 'a.mjs')).toEqual([
      '1:15',
    ]);
  });
  it.each([
    "import('./chunk.js')",
    'import(url)',
    "img.src = 'https://cdn.example.com/a.png'",
    "importScripts('./w.js')",
    "new Worker('./w.js')",
    'el.innerHTML = \'<script src="https://cdn.example.com/x.js"></script>\'',
  ])('does not flag %s', (code) => {
    expect(hits(code, 'no-external-resource')).toEqual([]);
  });
});
