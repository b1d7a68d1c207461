import { z } from 'zod';
import { appFields } from '../apps';
import { DEVELOPER_NAME_MAX, EMAIL_MAX, PASSWORD_MAX } from '../developers';

const role = z.enum(['Admin', 'Member']);

export const signUpBody = z
  .object({
    email: z.string().max(EMAIL_MAX),
    display_name: z.string().max(DEVELOPER_NAME_MAX),
    password: z.string().max(PASSWORD_MAX),
  })
  .strict()
  .meta({ id: 'PortalSignUp' });

export const logInBody = z
  .object({ email: z.string().max(EMAIL_MAX), password: z.string().max(PASSWORD_MAX) })
  .strict()
  .meta({ id: 'PortalLogIn' });

export const developerResponse = z
  .object({ developer_id: z.string(), email: z.string(), display_name: z.string(), created_at: z.number() })
  .meta({ id: 'PortalDeveloper' });

export const sessionResponse = z
  .object({
    session_token: z.string().describe('pst.…; send as Authorization: Bearer'),
    expires_at: z.number().describe('epoch milliseconds'),
    developer: developerResponse,
  })
  .meta({ id: 'PortalSession' });

export const createOrgBody = z
  .object({ name: z.string().max(200) })
  .strict()
  .meta({ id: 'PortalCreateOrg' });

export const orgResponse = z
  .object({ org_id: z.string(), name: z.string(), role, created_at: z.number() })
  .meta({ id: 'PortalOrg' });

export const memberResponse = z
  .object({ developer_id: z.string(), email: z.string(), display_name: z.string(), role })
  .meta({ id: 'PortalMember' });

export const membersResponse = z.object({ members: z.array(memberResponse) }).meta({ id: 'PortalMembers' });

export const addMemberBody = z
  .object({ email: z.string().max(EMAIL_MAX), role })
  .strict()
  .meta({ id: 'PortalAddMember' });

export const setRoleBody = z.object({ role }).strict().meta({ id: 'PortalSetRole' });

export const createAppBody = z
  .object({ name: z.string().max(50) })
  .strict()
  .meta({ id: 'PortalCreateApp' });

export const appResponse = appFields.meta({ id: 'PortalApp' });

export const createdAppResponse = appResponse
  .extend({ client_secret: z.string().describe('shown only in this response') })
  .meta({ id: 'PortalCreatedApp' });

export const secretResponse = z
  .object({ app_id: z.string(), client_secret: z.string().describe('shown only in this response') })
  .meta({ id: 'PortalRotatedSecret' });

export const trustedDomainsBody = z
  .object({ trusted_domains: z.array(z.string().max(300)).max(100) })
  .strict()
  .meta({ id: 'PortalTrustedDomains' });

export const webhookBody = z
  .object({ url: z.string().max(2048).nullable().describe('null or "" removes the callback URL') })
  .strict()
  .meta({ id: 'PortalWebhook' });

export const testUserBody = z
  .object({ user_id: z.string().min(1).max(128) })
  .strict()
  .meta({ id: 'PortalTestUser' });

export const testUsersResponse = z
  .object({ test_users: z.array(z.object({ user_id: z.string() })) })
  .meta({ id: 'PortalTestUsers' });

export const okResponse = z.object({ ok: z.literal(true) }).meta({ id: 'PortalOk' });
