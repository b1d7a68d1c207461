import { z } from 'zod';

/**
 * Structural schema of `minis.config.json` (spec §2.2–2.3). Every object is loose so unknown keys
 * (`dev.entry`, `dev.clientKey`, future keys) survive. Each leaf's error text is the "expected" half of
 * the message shown to the user; trusted domains are validated separately because they also normalise
 * and warn.
 */

const HEX_COLOUR = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

const colour = z.string().regex(HEX_COLOUR, { error: 'a hex colour such as "#ffffff"' });

function isPort(value: unknown): boolean {
  const port = typeof value === 'string' && /^\d{1,5}$/.test(value.trim()) ? Number(value) : value;
  return typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65535;
}

/** A folder or file inside the project: relative, without `..` segments leaving the project. */
function isProjectRelativePath(value: string): boolean {
  if (value.trim() === '' || value.includes('\0')) return false;
  if (value.startsWith('/') || value.startsWith('\\') || /^[a-z]:/i.test(value)) return false;
  let depth = 0;
  for (const segment of value.split(/[\\/]+/)) {
    if (segment === '..') depth -= 1;
    else if (segment !== '.' && segment !== '') depth += 1;
    if (depth < 0) return false;
  }
  return true;
}

const projectPath = (what: string) =>
  z
    .string({ error: `${what} (a relative path inside the project)` })
    .refine(isProjectRelativePath, { error: `${what} (a relative path inside the project, without ..)` });

const object = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape, { error: 'an object' });

export const rawMinisConfigSchema = z.looseObject(
  {
    navbar: object({
      bgColorLight: colour.optional(),
      bgColorDark: colour.optional(),
      lightModeBgColor: colour.optional(),
      darkModeBgColor: colour.optional(),
      style: z.enum(['custom', 'default'], { error: '"custom" or "default"' }).optional(),
    }).optional(),
    dev: object({
      host: z
        .string({ error: 'a host name such as "localhost"' })
        .min(1, { error: 'a host name' })
        .optional(),
      port: z
        .custom<number | string>(isPort, {
          error: 'a port number from 1 to 65535 (number or numeric string)',
        })
        .optional(),
      clientKey: z
        .string({ error: 'a client key string' })
        .regex(/^[\w-]{1,128}$/, { error: 'a client key (letters, digits, _ or -)' })
        .optional(),
      entry: z.string({ error: 'a path such as "/tiktok"' }).optional(),
    }).optional(),
    build: object({
      outputDir: projectPath('a folder name').optional(),
      output: projectPath('a folder name').optional(),
      folderName: projectPath('a folder name').optional(),
      htmlEntry: projectPath('an HTML file path').optional(),
    }).optional(),
    domain: object({
      trustedDomains: z
        .array(z.string({ error: 'a domain string' }), { error: 'an array of origins' })
        .optional(),
      allowList: z.array(z.string({ error: 'a domain string' }), { error: 'an array of origins' }).optional(),
    }).optional(),
  },
  { error: 'a JSON object' },
);

export type RawMinisConfig = z.infer<typeof rawMinisConfigSchema>;
