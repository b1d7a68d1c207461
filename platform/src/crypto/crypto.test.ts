import { describe, expect, it } from 'vitest';
import { constantTimeEqual, newAccessToken, newClientKey, newNumericId, SecretBox, sha256Hex } from './index';

describe('crypto', () => {
  it('hashes to 64 hex chars and differs per input', () => {
    expect(sha256Hex('a')).toMatch(/^[0-9a-f]{64}$/);
    expect(sha256Hex('a')).not.toBe(sha256Hex('b'));
  });

  it('compares in constant time, including different lengths', () => {
    expect(constantTimeEqual('secret', 'secret')).toBe(true);
    expect(constantTimeEqual('secret', 'secreT')).toBe(false);
    expect(constantTimeEqual('secret', 'secret-longer')).toBe(false);
  });

  it('round-trips a secret and never stores it in clear', () => {
    const box = new SecretBox('0123456789abcdef0123456789abcdef');
    const sealed = box.encrypt('my-client-secret');
    expect(sealed).not.toContain('my-client-secret');
    expect(box.decrypt(sealed)).toBe('my-client-secret');
    expect(box.encrypt('my-client-secret')).not.toBe(sealed);
  });

  it('rejects a tampered ciphertext and a different key', () => {
    const box = new SecretBox('0123456789abcdef0123456789abcdef');
    const sealed = box.encrypt('x');
    const other = new SecretBox('fedcba9876543210fedcba9876543210');
    expect(() => other.decrypt(sealed)).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('y').toString('base64url');
    expect(() => box.decrypt(parts.join('.'))).toThrow();
  });

  it('generates identifiers in the documented shapes', () => {
    expect(newAccessToken()).toMatch(/^act\.[0-9A-Za-z]{48}$/);
    expect(newClientKey()).toMatch(/^aw[0-9a-z]{14}$/);
    expect(newNumericId()).toMatch(/^[1-9][0-9]{18}$/);
  });
});
