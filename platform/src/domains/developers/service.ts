import { newPrefixedId, randomString, sha256Hex } from '../../crypto';
import type { PlatformDeps } from '../../deps';
import { ApiError } from '../../http/api-error';
import { decoyHash, hashPassword, PASSWORD_MAX, PASSWORD_MIN, verifyPassword } from './password';
import { developersDb } from './tables';

export interface Developer {
  id: string;
  email: string;
  displayName: string;
  createdAt: number;
}

export interface PortalSession {
  token: string;
  expiresAt: number;
}

export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const EMAIL_MAX = 254;
export const DEVELOPER_NAME_MAX = 64;
export const SESSION_TOKEN_PREFIX = 'pst.';

/** E-mails are compared case-insensitively by storing them lower-cased (as OrgsService does). */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/**
 * Developer accounts (spec §1.2 stage 1) and their portal sessions. Passwords are kept only
 * as salted scrypt hashes; session tokens only as SHA-256 digests, expiring after 7 days
 * of the platform clock.
 */
export class DevelopersService {
  private readonly db;

  constructor(private readonly deps: PlatformDeps) {
    this.db = developersDb(deps.db);
  }

  async signUp(input: { email: string; displayName: string; password: string }): Promise<Developer> {
    const email = normalizeEmail(input.email);
    validateEmail(email);
    const displayName = input.displayName.trim();
    if (displayName.length === 0 || displayName.length > DEVELOPER_NAME_MAX) {
      throw new ApiError(
        400,
        'invalid_params',
        `display_name: expected 1–${DEVELOPER_NAME_MAX} characters, found ${displayName.length}`,
      );
    }
    validatePassword(input.password);
    const passwordHash = await hashPassword(input.password);
    const developer: Developer = {
      id: newPrefixedId('dev'),
      email,
      displayName,
      createdAt: this.deps.clock.now(),
    };
    await this.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('developers')
        .values({ id: developer.id, email, display_name: displayName, created_at: developer.createdAt })
        .onConflict((oc) => oc.column('email').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) {
        throw new ApiError(409, 'conflict', 'email: a developer account with this e-mail already exists');
      }
      await trx
        .insertInto('developer_credentials')
        .values({ developer_id: developer.id, password_hash: passwordHash, created_at: developer.createdAt })
        .execute();
    });
    return developer;
  }

  /** Same answer and (roughly) the same work for an unknown e-mail and a wrong password. */
  async logIn(input: {
    email: string;
    password: string;
  }): Promise<{ developer: Developer; session: PortalSession }> {
    const email = normalizeEmail(input.email);
    const row = await this.db
      .selectFrom('developers as d')
      .innerJoin('developer_credentials as c', 'c.developer_id', 'd.id')
      .select(['d.id', 'd.email', 'd.display_name', 'd.created_at', 'c.password_hash'])
      .where('d.email', '=', email)
      .executeTakeFirst();
    const password = input.password.slice(0, PASSWORD_MAX + 1);
    const matches = await verifyPassword(password, row?.password_hash ?? (await decoyHash()));
    if (!row || !matches || password.length > PASSWORD_MAX) {
      throw new ApiError(401, 'unauthenticated', 'email or password is incorrect');
    }
    const now = this.deps.clock.now();
    const session: PortalSession = {
      token: `${SESSION_TOKEN_PREFIX}${randomString(48)}`,
      expiresAt: now + SESSION_TTL_MS,
    };
    // Housekeeping without a worker: a developer's expired sessions go when they log in again.
    await this.db
      .deleteFrom('developer_sessions')
      .where('developer_id', '=', row.id)
      .where('expires_at', '<=', now)
      .execute();
    await this.db
      .insertInto('developer_sessions')
      .values({
        token_hash: sha256Hex(session.token),
        developer_id: row.id,
        created_at: now,
        expires_at: session.expiresAt,
      })
      .execute();
    return { developer: toDeveloper(row), session };
  }

  /** The developer a live session token belongs to, or undefined (unknown, expired, logged out). */
  async authenticate(token: string): Promise<Developer | undefined> {
    if (!token.startsWith(SESSION_TOKEN_PREFIX) || token.length > 128) return undefined;
    const row = await this.db
      .selectFrom('developer_sessions as s')
      .innerJoin('developers as d', 'd.id', 's.developer_id')
      .select(['d.id', 'd.email', 'd.display_name', 'd.created_at'])
      .where('s.token_hash', '=', sha256Hex(token))
      .where('s.expires_at', '>', this.deps.clock.now())
      .executeTakeFirst();
    return row && toDeveloper(row);
  }

  async logOut(token: string): Promise<void> {
    await this.db.deleteFrom('developer_sessions').where('token_hash', '=', sha256Hex(token)).execute();
  }

  async findByEmail(email: string): Promise<Developer | undefined> {
    const row = await this.db
      .selectFrom('developers')
      .selectAll()
      .where('email', '=', normalizeEmail(email))
      .executeTakeFirst();
    return row && toDeveloper(row);
  }
}

function toDeveloper(row: {
  id: string;
  email: string;
  display_name: string;
  created_at: number;
}): Developer {
  return { id: row.id, email: row.email, displayName: row.display_name, createdAt: Number(row.created_at) };
}

function validateEmail(email: string): void {
  if (email.length > EMAIL_MAX || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    throw new ApiError(
      400,
      'invalid_params',
      `email: expected an e-mail address, found ${JSON.stringify(email.slice(0, 80))}`,
    );
  }
}

function validatePassword(password: string): void {
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) {
    throw new ApiError(
      400,
      'invalid_params',
      `password: expected ${PASSWORD_MIN}–${PASSWORD_MAX} characters, found ${password.length}`,
    );
  }
}
