import { newNumericId, newPrefixedId } from '../../crypto';
import type { PlatformDeps } from '../../deps';
import { ApiError, notFound } from '../../http/api-error';
import type { OrgRole } from '../../storage';

export interface Org {
  id: string;
  name: string;
  createdAt: number;
}

export interface OrgMember {
  developerId: string;
  email: string;
  displayName: string;
  role: OrgRole;
}

export const ORG_NAME_MAX = 200;

/**
 * Organizations own apps (spec §1.2 stage 2). The name is the legal business name and
 * cannot be changed later, so there is deliberately no rename. Roles: `Admin` manages
 * members and apps; `Member` accesses apps. An organization always keeps one Admin.
 */
export class OrgsService {
  constructor(private readonly deps: PlatformDeps) {}

  async create(input: { name: string; creatorDeveloperId?: string }): Promise<Org> {
    const name = input.name.trim();
    if (name.length === 0 || name.length > ORG_NAME_MAX) {
      throw new ApiError(
        400,
        'invalid_request',
        `name: expected 1–${ORG_NAME_MAX} characters, found ${name.length}`,
      );
    }
    const org: Org = { id: newNumericId(), name, createdAt: this.deps.clock.now() };
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('orgs')
        .values({ id: org.id, name: org.name, created_at: org.createdAt })
        .execute();
      if (input.creatorDeveloperId) {
        await trx
          .insertInto('org_members')
          .values({
            org_id: org.id,
            developer_id: input.creatorDeveloperId,
            role: 'Admin',
            created_at: org.createdAt,
          })
          .execute();
      }
    });
    return org;
  }

  async get(id: string): Promise<Org | undefined> {
    const row = await this.deps.db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst();
    return row && { id: row.id, name: row.name, createdAt: row.created_at };
  }

  async require(id: string): Promise<Org> {
    const org = await this.get(id);
    if (!org) throw notFound(`organization ${id}`);
    return org;
  }

  async list(): Promise<Org[]> {
    const rows = await this.deps.db
      .selectFrom('orgs')
      .selectAll()
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at }));
  }

  /** Developer accounts (portal users) that can be members of organizations. */
  async ensureDeveloper(input: { email: string; displayName?: string }): Promise<string> {
    const email = input.email.trim().toLowerCase();
    if (!/^[^@\s]+@[^@\s]+$/.test(email) || email.length > 254) {
      throw new ApiError(
        400,
        'invalid_request',
        `email: expected an e-mail address, found ${JSON.stringify(input.email)}`,
      );
    }
    const existing = await this.deps.db
      .selectFrom('developers')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirst();
    if (existing) return existing.id;
    const id = newPrefixedId('dev');
    await this.deps.db
      .insertInto('developers')
      .values({
        id,
        email,
        display_name: input.displayName ?? email.split('@')[0] ?? email,
        created_at: this.deps.clock.now(),
      })
      .onConflict((oc) => oc.column('email').doNothing())
      .execute();
    const row = await this.deps.db
      .selectFrom('developers')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async members(orgId: string): Promise<OrgMember[]> {
    const rows = await this.deps.db
      .selectFrom('org_members as m')
      .innerJoin('developers as d', 'd.id', 'm.developer_id')
      .select(['m.developer_id', 'm.role', 'd.email', 'd.display_name'])
      .where('m.org_id', '=', orgId)
      .orderBy('m.created_at')
      .execute();
    return rows.map((r) => ({
      developerId: r.developer_id,
      email: r.email,
      displayName: r.display_name,
      role: r.role,
    }));
  }

  async roleOf(orgId: string, developerId: string): Promise<OrgRole | undefined> {
    const row = await this.deps.db
      .selectFrom('org_members')
      .select('role')
      .where('org_id', '=', orgId)
      .where('developer_id', '=', developerId)
      .executeTakeFirst();
    return row?.role;
  }

  async setMember(orgId: string, developerId: string, role: OrgRole): Promise<void> {
    await this.require(orgId);
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('org_members')
        .values({ org_id: orgId, developer_id: developerId, role, created_at: this.deps.clock.now() })
        .onConflict((oc) => oc.columns(['org_id', 'developer_id']).doUpdateSet({ role }))
        .execute();
      await assertAdminRemains(trx, orgId);
    });
  }

  async removeMember(orgId: string, developerId: string): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('org_members')
        .where('org_id', '=', orgId)
        .where('developer_id', '=', developerId)
        .execute();
      await assertAdminRemains(trx, orgId, { allowEmpty: false });
    });
  }
}

async function assertAdminRemains(
  trx: PlatformDeps['db'],
  orgId: string,
  options: { allowEmpty: boolean } = { allowEmpty: true },
): Promise<void> {
  const members = await trx.selectFrom('org_members').select('role').where('org_id', '=', orgId).execute();
  if ((members.length > 0 || !options.allowEmpty) && !members.some((m) => m.role === 'Admin')) {
    throw new ApiError(409, 'last_admin', 'an organization must keep at least one Admin');
  }
}
