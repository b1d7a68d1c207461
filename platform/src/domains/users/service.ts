import { newOpaqueUserId, newPrefixedId, randomString } from '../../crypto';
import type { PlatformDeps } from '../../deps';
import { ApiError, notFound } from '../../http/api-error';
import type { UsersTable } from '../../storage';

/** A simulated TikTok account. */
export interface User {
  id: string;
  displayName: string;
  avatarUrl: string;
  avatarUrl100: string;
  avatarLargeUrl: string;
  createdAt: number;
}

/** How one app sees one user (spec §6.4). */
export interface UserIdentity {
  openId: string;
  unionId: string;
}

export const DISPLAY_NAME_MAX = 64;

/**
 * Simulated TikTok accounts and their per-app identities: `open_id` is unique per app
 * (client key); `union_id` is shared by the apps of one organization. Both are created
 * the first time the user logs in to an app and never change afterwards.
 */
export class UsersService {
  constructor(private readonly deps: PlatformDeps) {}

  async create(input: { displayName?: string; avatarUrl?: string } = {}): Promise<User> {
    const id = newPrefixedId('usr');
    const displayName = validateDisplayName(
      input.displayName ?? `Test User ${randomString(4, '0123456789')}`,
    );
    const avatar = input.avatarUrl === undefined ? undefined : validateAvatarUrl(input.avatarUrl);
    const generated = `${this.deps.baseUrl}/avatars/${id}`;
    const row: UsersTable = {
      id,
      display_name: displayName,
      avatar_url: avatar ?? `${generated}?size=168`,
      avatar_url_100: avatar ?? `${generated}?size=100`,
      avatar_large_url: avatar ?? `${generated}?size=720`,
      created_at: this.deps.clock.now(),
    };
    await this.deps.db.insertInto('users').values(row).execute();
    return toUser(row);
  }

  async get(id: string): Promise<User | undefined> {
    const row = await this.deps.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toUser(row);
  }

  async require(id: string): Promise<User> {
    const user = await this.get(id);
    if (!user) throw notFound(`user ${id}`);
    return user;
  }

  async list(): Promise<User[]> {
    const rows = await this.deps.db
      .selectFrom('users')
      .selectAll()
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toUser);
  }

  /** The user's `open_id` for this app and `union_id` for its organization, created on first use. */
  async ensureIdentity(userId: string, app: { id: string; orgId: string }): Promise<UserIdentity> {
    const now = this.deps.clock.now();
    const { db } = this.deps;
    await db
      .insertInto('user_app_identities')
      .values({ app_id: app.id, user_id: userId, open_id: newOpaqueUserId(), created_at: now })
      .onConflict((oc) => oc.columns(['app_id', 'user_id']).doNothing())
      .execute();
    await db
      .insertInto('user_org_identities')
      .values({ org_id: app.orgId, user_id: userId, union_id: newOpaqueUserId(), created_at: now })
      .onConflict((oc) => oc.columns(['org_id', 'user_id']).doNothing())
      .execute();
    const identity = await this.identity(userId, app);
    if (!identity) throw new Error(`identity for user ${userId} in app ${app.id} was not created`);
    return identity;
  }

  async identity(userId: string, app: { id: string; orgId: string }): Promise<UserIdentity | undefined> {
    const row = await this.deps.db
      .selectFrom('user_app_identities as a')
      .innerJoin('user_org_identities as o', (join) =>
        join.onRef('o.user_id', '=', 'a.user_id').on('o.org_id', '=', app.orgId),
      )
      .select(['a.open_id', 'o.union_id'])
      .where('a.app_id', '=', app.id)
      .where('a.user_id', '=', userId)
      .executeTakeFirst();
    return row && { openId: row.open_id, unionId: row.union_id };
  }

  /** Reverse lookup used by server APIs that receive an `open_id`. */
  async findByOpenId(appId: string, openId: string): Promise<User | undefined> {
    const row = await this.deps.db
      .selectFrom('user_app_identities as a')
      .innerJoin('users as u', 'u.id', 'a.user_id')
      .selectAll('u')
      .where('a.app_id', '=', appId)
      .where('a.open_id', '=', openId)
      .executeTakeFirst();
    return row && toUser(row);
  }
}

function toUser(row: UsersTable): User {
  return {
    id: row.id,
    displayName: row.display_name,
    avatarUrl: row.avatar_url,
    avatarUrl100: row.avatar_url_100,
    avatarLargeUrl: row.avatar_large_url,
    createdAt: row.created_at,
  };
}

function validateDisplayName(input: string): string {
  const name = input.trim();
  if (name.length === 0 || name.length > DISPLAY_NAME_MAX) {
    throw new ApiError(
      400,
      'invalid_request',
      `display_name: expected 1–${DISPLAY_NAME_MAX} characters, found ${name.length}`,
    );
  }
  return name;
}

function validateAvatarUrl(input: string): string {
  let ok = false;
  try {
    const url = new URL(input);
    ok = (url.protocol === 'https:' || url.protocol === 'http:') && input.length <= 2048;
  } catch {}
  if (!ok)
    throw new ApiError(
      400,
      'invalid_request',
      `avatar_url: expected an http(s) URL, found ${JSON.stringify(input.slice(0, 80))}`,
    );
  return input;
}
