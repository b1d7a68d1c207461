import { describe, expect, it } from 'vitest';
import { injectSdk, NoHeadError } from './inject';

const VITE_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>Vite App</title>
  </head>
  <body>
    <div id="app"></div>
    <script type="module" src="/src/main.js"></script>
  </body>
</html>
`;

describe('injectSdk', () => {
  it('puts the SDK first in <head>, then init and vConsole, matching the indentation', () => {
    const { html, added, warnings } = injectSdk(VITE_HTML, { clientKey: 'awkey123', vconsole: true });
    expect(html).toBe(
      VITE_HTML.replace(
        '  <head>\n',
        '  <head>\n' +
          '    <script src="https://connect.tiktok-minis.com/drama/sdk.js"></script>\n' +
          '    <script>TTMinis.init({ clientKey: "awkey123" });</script>\n' +
          '    <script src="https://unpkg.com/vconsole@latest/dist/vconsole.min.js"></script>\n' +
          '    <script>var vConsole = new window.VConsole();</script>\n',
      ),
    );
    expect(added).toEqual(['added the SDK <script>', 'added the TTMinis.init call', 'added vConsole']);
    expect(warnings).toEqual([]);
  });

  it('is idempotent: a second run changes nothing', () => {
    const once = injectSdk(VITE_HTML, { clientKey: 'awkey123', vconsole: true }).html;
    const twice = injectSdk(once, { clientKey: 'awkey123', vconsole: true });
    expect(twice.changed).toBe(false);
    expect(twice.html).toBe(once);
  });

  it('leaves vConsole out with vconsole: false and keeps CRLF line endings', () => {
    const crlf = VITE_HTML.replaceAll('\n', '\r\n');
    const { html } = injectSdk(crlf, { vconsole: false });
    expect(html).not.toContain('vconsole');
    expect(html).toContain(
      '<head>\r\n    <script src="https://connect.tiktok-minis.com/drama/sdk.js"></script>\r\n',
    );
    expect(html.replaceAll('\r\n', '')).not.toContain('\n');
  });

  it('writes a placeholder without a key, warns on the next run, and fills it in when a key is given', () => {
    const first = injectSdk(VITE_HTML, { vconsole: false });
    expect(first.html).toContain('TTMinis.init({ clientKey: "YOUR_CLIENT_KEY" })');
    const second = injectSdk(first.html, { vconsole: false });
    expect(second.changed).toBe(false);
    expect(second.warnings).toEqual([expect.stringContaining('placeholder client key')]);
    const third = injectSdk(first.html, { clientKey: 'aw9', vconsole: false });
    expect(third.html).toBe(first.html.replace('YOUR_CLIENT_KEY', 'aw9'));
    // The documented template-literal placeholder is recognised too.
    const documented = VITE_HTML.replace(
      '<head>',
      '<head>\n<script src="https://connect.tiktok-minis.com/drama/sdk.js"></script>\n<script>\n  TTMinis.init({ clientKey: `$' +
        '{your_client_key}` });\n</script>',
    );
    expect(injectSdk(documented, { clientKey: 'k1', vconsole: false }).html).toContain(
      'TTMinis.init({ clientKey: "k1" });',
    );
  });

  it('adds only what is missing next to an existing SDK tag, and warns when it is not first', () => {
    const existing = VITE_HTML.replace(
      '    <title>Vite App</title>\n',
      '    <title>Vite App</title>\n    <script src="/other.js"></script>\n    <script src="https://developers.tiktok.com/js/minis.js"></script>\n',
    );
    const { html, added, warnings } = injectSdk(existing, { clientKey: 'k', vconsole: false });
    expect(added).toEqual(['added the TTMinis.init call']);
    expect(html).toContain(
      '<script src="https://developers.tiktok.com/js/minis.js"></script>\n    <script>TTMinis.init({ clientKey: "k" });</script>\n  </head>',
    );
    expect(html.match(/minis\.js/g)).toHaveLength(1);
    expect(warnings).toEqual([expect.stringContaining('not the first script in <head>')]);
  });

  it('ignores look-alikes in comments and strings, and handles a one-line document', () => {
    const html =
      '<html><head><!-- <script src="https://connect.tiktok-minis.com/drama/sdk.js"></script> --></head><body></body></html>';
    const result = injectSdk(html, { vconsole: false });
    expect(result.added).toEqual(['added the SDK <script>', 'added the TTMinis.init call']);
    expect(result.html.startsWith('<html><head>\n  <script src=')).toBe(true);
  });

  it('removes the vConsole tags it added when rerun with vconsole: false, and only those', () => {
    const withConsole = injectSdk(VITE_HTML, { clientKey: 'k', vconsole: true }).html;
    const without = injectSdk(withConsole, { clientKey: 'k', vconsole: false });
    expect(without.added).toEqual(['removed vConsole']);
    expect(without.html).toBe(injectSdk(VITE_HTML, { clientKey: 'k', vconsole: false }).html);
    const own = without.html.replace('</head>', '<script src="/vendor/vconsole.js"></script>\n  </head>');
    const kept = injectSdk(own, { clientKey: 'k', vconsole: false });
    expect(kept.changed).toBe(false);
    expect(kept.warnings).toEqual([expect.stringContaining('vConsole script not added by init')]);
  });

  it('refuses a document without <head>', () => {
    expect(() => injectSdk('<html><body><p>hi</p></body></html>', { vconsole: true })).toThrow(NoHeadError);
  });
});
