import { z } from 'zod';
import { appFields } from '../apps';

const id = z.string().min(1).max(128);

export const createOrgBody = z.object({ name: z.string().min(1).max(200) }).meta({ id: 'EmulatorCreateOrg' });

export const orgResponse = z
  .object({ org_id: z.string(), name: z.string(), created_at: z.number() })
  .meta({ id: 'EmulatorOrg' });

export const setMemberBody = z
  .object({
    email: z.string().max(254),
    display_name: z.string().max(64).optional(),
    role: z.enum(['Admin', 'Member']),
  })
  .meta({ id: 'EmulatorSetMember' });

export const createAppBody = z
  .object({
    name: z.string().min(1).max(50),
    org_id: id.optional().describe('Existing organization; omitted → a new organization is created'),
    webhook_url: z.string().max(2048).nullable().optional(),
    trusted_domains: z.array(z.string().max(300)).max(20).optional(),
  })
  .strict()
  .meta({ id: 'EmulatorCreateApp' });

export const updateAppBody = createAppBody
  .omit({ org_id: true })
  .partial()
  .strict()
  .meta({ id: 'EmulatorUpdateApp' });

export const appResponse = appFields.extend({ client_secret: z.string() }).meta({ id: 'EmulatorApp' });

export const createUserBody = z
  .object({ display_name: z.string().min(1).max(64).optional(), avatar_url: z.string().max(2048).optional() })
  .strict()
  .meta({ id: 'EmulatorCreateUser' });

export const userResponse = z
  .object({
    user_id: z.string(),
    display_name: z.string(),
    avatar_url: z.string(),
    avatar_url_100: z.string(),
    avatar_large_url: z.string(),
    created_at: z.number(),
  })
  .meta({ id: 'EmulatorUser' });

export const identityResponse = z
  .object({ user_id: z.string(), app_id: z.string(), open_id: z.string(), union_id: z.string() })
  .meta({ id: 'EmulatorIdentity' });

export const testUserBody = z.object({ user_id: id }).strict().meta({ id: 'EmulatorTestUser' });

export const loginBody = z
  .object({
    client_key: z.string().min(1).max(128),
    user_id: id,
    scope: z
      .string()
      .max(512)
      .optional()
      .describe('Omitted → TTMinis.login (user.info.open_id); set → TTMinis.authorize'),
  })
  .strict()
  .meta({ id: 'EmulatorLogin' });

export const loginResponse = z
  .object({ code: z.string(), scope: z.string(), expires_in: z.number().int() })
  .meta({ id: 'EmulatorLoginResult' });

export const setClockBody = z
  .union([
    z
      .object({
        advance_seconds: z
          .number()
          .nonnegative()
          .max(100 * 365 * 86400),
      })
      .strict(),
    z.object({ now: z.union([z.number().int().nonnegative(), z.iso.datetime({ offset: true })]) }).strict(),
  ])
  .meta({
    id: 'EmulatorSetClock',
    description: '{advance_seconds} moves time forward; {now} (epoch ms or ISO 8601) sets it',
  });

export const clockResponse = z
  .object({ now: z.number().int(), iso: z.string(), offset_ms: z.number() })
  .meta({ id: 'EmulatorClock' });

export const okResponse = z.object({ ok: z.literal(true) }).meta({ id: 'EmulatorOk' });
