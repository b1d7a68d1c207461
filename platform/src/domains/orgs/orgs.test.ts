import { expect, it } from 'vitest';
import { describeEachEngine } from '../../testing';
import { OrgsService } from './service';

describeEachEngine('orgs', (ctx) => {
  const orgs = () => new OrgsService(ctx.platform.deps);

  it('makes the creator an Admin and lists members with roles', async () => {
    const admin = await orgs().ensureDeveloper({ email: 'Owner@Example.com' });
    expect(await orgs().ensureDeveloper({ email: 'owner@example.com' })).toBe(admin);
    const org = await orgs().create({ name: '  Acme Media Ltd  ', creatorDeveloperId: admin });
    expect(org.name).toBe('Acme Media Ltd');
    const member = await orgs().ensureDeveloper({ email: 'dev@example.com', displayName: 'Dev' });
    await orgs().setMember(org.id, member, 'Member');
    expect(await orgs().members(org.id)).toEqual([
      { developerId: admin, email: 'owner@example.com', displayName: 'owner', role: 'Admin' },
      { developerId: member, email: 'dev@example.com', displayName: 'Dev', role: 'Member' },
    ]);
    expect(await orgs().roleOf(org.id, member)).toBe('Member');
  });

  it('always keeps one Admin', async () => {
    const admin = await orgs().ensureDeveloper({ email: 'solo@example.com' });
    const org = await orgs().create({ name: 'Solo', creatorDeveloperId: admin });
    await expect(orgs().setMember(org.id, admin, 'Member')).rejects.toThrow(/at least one Admin/);
    await expect(orgs().removeMember(org.id, admin)).rejects.toThrow(/at least one Admin/);
    const other = await orgs().ensureDeveloper({ email: 'other@example.com' });
    await orgs().setMember(org.id, other, 'Admin');
    await orgs().removeMember(org.id, admin);
    expect((await orgs().members(org.id)).map((m) => m.role)).toEqual(['Admin']);
  });

  it('rejects empty names and bad e-mails', async () => {
    await expect(orgs().create({ name: '   ' })).rejects.toThrow(/name/);
    await expect(orgs().ensureDeveloper({ email: 'not-an-email' })).rejects.toThrow(/email/);
  });
});
