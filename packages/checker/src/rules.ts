import type { RuleMeta, RuleName } from './types';

/** Every rule the checker knows, in a stable order (help output, SARIF `tool.driver.rules`). */
export const rules: readonly RuleMeta[] = Object.freeze([
  {
    name: 'no-eval',
    severity: 'error',
    description:
      'Calls of the global eval() (however reached) run code from a string; forbidden (spec §4.1 R1).',
    hint: 'Remove the eval call; parse data with JSON.parse or call the intended function directly.',
  },
  {
    name: 'no-new-function',
    severity: 'error',
    description:
      'The Function constructor (and its async/generator variants) compiles code from strings; forbidden (spec §4.1 R2).',
    hint: 'Replace the generated function with an ordinary function or a lookup table.',
  },
  {
    name: 'no-string-timer',
    severity: 'error',
    description:
      'setTimeout/setInterval with a string first argument evaluate that string as code (spec §4.1 R3).',
    hint: 'Pass a function instead of a string: setTimeout(() => doThing(), ms).',
  },
  {
    name: 'no-iframe',
    severity: 'error',
    description: 'Iframes (and other nested browsing contexts) are not supported in Minis (spec §4.1 R5).',
    hint: 'Render the content in the page itself, or open it with the SDK navigation APIs.',
  },
  {
    name: 'no-external-resource',
    severity: 'error',
    description:
      'Scripts and stylesheets must be the app’s own files; only fonts and the TikTok SDK may be remote (spec §4.1 R4, §4.3 item 3).',
    hint: 'Download the file into your build and reference it with a relative path.',
  },
  {
    name: 'no-clipboard',
    severity: 'error',
    description: 'The Clipboard API and execCommand copy/cut/paste are forbidden Web APIs (spec §4.1 R6).',
    hint: 'Remove clipboard access; show the text so the user can copy it, or use the SDK share APIs.',
  },
  {
    name: 'no-geolocation',
    severity: 'error',
    description: 'navigator.geolocation is a forbidden Web API (spec §4.1 R6).',
    hint: 'Remove geolocation access; ask the user for a region in your own UI if you need one.',
  },
  {
    name: 'no-vibrate',
    severity: 'error',
    description: 'navigator.vibrate is a forbidden Web API (spec §4.1 R6).',
    hint: 'Remove the vibration call; use visual feedback instead.',
  },
  {
    name: 'no-untrusted-request',
    severity: 'error',
    description:
      'Network requests may only go to the trusted domains declared for the app (spec §4.1 R7, §4.2, §4.3 item 4).',
    hint: 'Add the origin to domain.trustedDomains in minis.config.json (and the portal), or call your own trusted backend.',
  },
  {
    name: 'login-missing',
    severity: 'warning',
    description:
      'The upload scanner requires the TikTok login API: no call of TTMinis.login or TTMinis.game.login was found (spec §4.3 item 1).',
    hint: 'Call TTMinis.login (or TTMinis.game.login for games) when the Mini starts.',
  },
] satisfies RuleMeta[]);

const byName = new Map<RuleName, RuleMeta>(rules.map((rule) => [rule.name, rule]));

export function ruleMeta(name: RuleName): RuleMeta {
  const meta = byName.get(name);
  if (!meta) throw new Error(`unknown rule ${name}`);
  return meta;
}
