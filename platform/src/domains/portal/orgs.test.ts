import { expect, it } from 'vitest';
import { describeEachEngine } from '../../testing';
import { portalClient } from './portal-test-helpers';

describeEachEngine('portal organizations and members', (ctx) => {
  const p = () => portalClient(ctx.platform);

  it('creates an organization with the creator as Admin and lists only mine', async () => {
    const ada = await p().newDeveloper('Ada');
    const bob = await p().newDeveloper('Bob');
    const created = await p().call('POST', '/portal/v1/orgs', {
      token: ada.token,
      body: { name: ' Acme Ltd ' },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: 'Acme Ltd', role: 'Admin' });
    const orgId: string = created.json.org_id;
    await p().newOrg(bob);

    const mine = await p().call('GET', '/portal/v1/orgs', { token: ada.token });
    expect(mine.json.orgs.map((o: { org_id: string }) => o.org_id)).toEqual([orgId]);
    const one = await p().call('GET', `/portal/v1/orgs/${orgId}`, { token: ada.token });
    expect(one.json).toEqual(created.json);
    const members = await p().call('GET', `/portal/v1/orgs/${orgId}/members`, { token: ada.token });
    expect(members.json.members).toEqual([
      { developer_id: ada.developerId, email: ada.email, display_name: 'Ada', role: 'Admin' },
    ]);
  });

  it('answers 404 for organizations the caller does not belong to (no existence leak)', async () => {
    const ada = await p().newDeveloper('Ada');
    const eve = await p().newDeveloper('Eve');
    const orgId = await p().newOrg(ada);
    const probes: [string, string, unknown?][] = [
      ['GET', `/portal/v1/orgs/${orgId}`],
      ['GET', `/portal/v1/orgs/${orgId}/members`],
      ['POST', `/portal/v1/orgs/${orgId}/members`, { email: eve.email, role: 'Admin' }],
      ['PATCH', `/portal/v1/orgs/${orgId}/members/${ada.developerId}`, { role: 'Member' }],
      ['DELETE', `/portal/v1/orgs/${orgId}/members/${ada.developerId}`],
      ['POST', `/portal/v1/orgs/${orgId}/apps`, { name: 'Stolen' }],
      ['GET', `/portal/v1/orgs/${orgId}/apps`],
    ];
    for (const [method, path, body] of probes) {
      const res = await p().call(method, path, { token: eve.token, body });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.json.error.code).toBe('not_found');
      const missing = await p().call(method, path.replace(orgId, '1234567890123456789'), {
        token: eve.token,
        body,
      });
      expect(missing.json.error.message.replace('1234567890123456789', orgId)).toBe(res.json.error.message);
      expect((await p().call(method, path, { body })).status, `${method} ${path} without session`).toBe(401);
    }
    expect((await p().call('GET', '/portal/v1/orgs')).status).toBe(401);
    expect((await p().call('POST', '/portal/v1/orgs', { body: { name: 'X' } })).status).toBe(401);
  });

  it('lets Admins manage members and refuses Members (403)', async () => {
    const ada = await p().newDeveloper('Ada');
    const bob = await p().newDeveloper('Bob');
    const cat = await p().newDeveloper('Cat');
    const orgId = await p().newOrg(ada, bob);

    const asMember = [
      ['POST', `/portal/v1/orgs/${orgId}/members`, { email: cat.email, role: 'Member' }],
      ['PATCH', `/portal/v1/orgs/${orgId}/members/${ada.developerId}`, { role: 'Member' }],
      ['DELETE', `/portal/v1/orgs/${orgId}/members/${ada.developerId}`],
    ] as const;
    for (const [method, path, body] of asMember) {
      const res = await p().call(method, path, { token: bob.token, body });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.json.error.code).toBe('forbidden');
    }
    // Members can read.
    expect((await p().call('GET', `/portal/v1/orgs/${orgId}/members`, { token: bob.token })).status).toBe(
      200,
    );
    const bobsOrgs = await p().call('GET', '/portal/v1/orgs', { token: bob.token });
    expect(bobsOrgs.json.orgs).toEqual([expect.objectContaining({ org_id: orgId, role: 'Member' })]);

    const added = await p().call('POST', `/portal/v1/orgs/${orgId}/members`, {
      token: ada.token,
      body: { email: cat.email.toUpperCase(), role: 'Member' },
    });
    expect(added.status).toBe(200);
    expect(added.json.members.map((m: { role: string }) => m.role)).toEqual(['Admin', 'Member', 'Member']);

    const promoted = await p().call('PATCH', `/portal/v1/orgs/${orgId}/members/${bob.developerId}`, {
      token: ada.token,
      body: { role: 'Admin' },
    });
    expect(promoted.json.members[1]).toMatchObject({ developer_id: bob.developerId, role: 'Admin' });
    const removed = await p().call('DELETE', `/portal/v1/orgs/${orgId}/members/${cat.developerId}`, {
      token: bob.token,
    });
    expect(removed.status).toBe(200);
    // Cat lost access: 404 from now on.
    expect((await p().call('GET', `/portal/v1/orgs/${orgId}`, { token: cat.token })).status).toBe(404);
  });

  it('keeps at least one Admin and needs existing developers', async () => {
    const ada = await p().newDeveloper('Ada');
    const orgId = await p().newOrg(ada);
    const demote = await p().call('PATCH', `/portal/v1/orgs/${orgId}/members/${ada.developerId}`, {
      token: ada.token,
      body: { role: 'Member' },
    });
    expect(demote.status).toBe(409);
    expect(demote.json.error.code).toBe('last_admin');
    const leave = await p().call('DELETE', `/portal/v1/orgs/${orgId}/members/${ada.developerId}`, {
      token: ada.token,
    });
    expect(leave.status).toBe(409);

    const ghost = await p().call('POST', `/portal/v1/orgs/${orgId}/members`, {
      token: ada.token,
      body: { email: 'ghost@example.com', role: 'Member' },
    });
    expect(ghost.status).toBe(404);
    expect(ghost.json.error.message).toContain('ghost@example.com');
    const notMember = await p().call('PATCH', `/portal/v1/orgs/${orgId}/members/dev_nobody`, {
      token: ada.token,
      body: { role: 'Admin' },
    });
    expect(notMember.status).toBe(404);
  });

  it('validates bodies with the field named (400 invalid_params)', async () => {
    const ada = await p().newDeveloper('Ada');
    const orgId = await p().newOrg(ada);
    const cases: [string, string, unknown, string][] = [
      ['POST', '/portal/v1/orgs', { name: '   ' }, 'name'],
      ['POST', '/portal/v1/orgs', { name: 7 }, 'name'],
      ['POST', `/portal/v1/orgs/${orgId}/members`, { email: ada.email, role: 'Owner' }, 'role'],
      ['PATCH', `/portal/v1/orgs/${orgId}/members/${ada.developerId}`, {}, 'role'],
    ];
    for (const [method, path, body, field] of cases) {
      const res = await p().call(method, path, { token: ada.token, body });
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
      expect(res.json.error.code).toBe('invalid_params');
      expect(res.json.error.message).toContain(field);
    }
  });
});
