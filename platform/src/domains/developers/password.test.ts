import { expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

it('salts every hash and verifies only the right password', async () => {
  const a = await hashPassword('correct horse battery');
  const b = await hashPassword('correct horse battery');
  expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
  expect(a).not.toBe(b);
  expect(a).not.toContain('correct horse battery');
  expect(await verifyPassword('correct horse battery', a)).toBe(true);
  expect(await verifyPassword('correct horse batterY', a)).toBe(false);
  expect(await verifyPassword('', a)).toBe(false);
});

it('never matches a malformed stored hash', async () => {
  for (const stored of [
    '',
    'plain',
    'bcrypt$1$2$3$abc$def',
    'scrypt$x$8$1$abc$def',
    'scrypt$16384$8$1$abc$',
  ]) {
    expect(await verifyPassword('anything', stored), stored).toBe(false);
  }
});
