import { describeFound, type MinisConfigIssue } from './errors';
import type { RawMinisConfig } from './schema';
import { checkTrustedDomain, MAX_TRUSTED_DOMAINS } from './trusted-domain';
import {
  DEFAULT_DEV_HOST,
  DEFAULT_DEV_PORT,
  DEFAULT_HTML_ENTRY,
  DEFAULT_OUTPUT_DIR,
  type NormalizedMinisConfig,
} from './types';

export interface NormalizeOutcome {
  config: NormalizedMinisConfig;
  /** Without the file prefix; the caller adds it. */
  warnings: string[];
  /** Problems with a JSON path (not yet located in the text). */
  issues: Array<Omit<MinisConfigIssue, 'keyPath'> & { path: PropertyKey[] }>;
}

/** `./dist/` → `dist`, `a\\b` → `a/b`, `` / `./` → `.` */
function tidyPath(value: string): string {
  const parts = value.split(/[\\/]+/).filter((part) => part !== '' && part !== '.');
  return parts.length === 0 ? '.' : parts.join('/');
}

function pickOutputDir(build: NonNullable<RawMinisConfig['build']>, warnings: string[]): string {
  const candidates = (['outputDir', 'output', 'folderName'] as const)
    .filter((key) => typeof build[key] === 'string')
    .map((key) => ({ key, value: tidyPath(build[key] as string) }));
  const chosen = candidates[0];
  if (chosen === undefined) return DEFAULT_OUTPUT_DIR;
  const differing = candidates.filter((candidate) => candidate.value !== chosen.value);
  if (differing.length > 0) {
    const others = differing.map((c) => `build.${c.key} "${c.value}"`).join(', ');
    warnings.push(`build.${chosen.key} "${chosen.value}" differs from ${others}; using "${chosen.value}"`);
  }
  return chosen.value;
}

function pickTrustedDomains(domain: RawMinisConfig['domain'], outcome: NormalizeOutcome): string[] {
  const key = domain?.trustedDomains !== undefined ? 'trustedDomains' : 'allowList';
  const list = domain?.[key];
  if (list === undefined) {
    outcome.warnings.push(
      'no domain.trustedDomains: the Mini may only request its own files (add the https:// origins it calls)',
    );
    return [];
  }
  if (key === 'trustedDomains' && domain?.allowList !== undefined) {
    const same = JSON.stringify(domain.allowList) === JSON.stringify(domain.trustedDomains);
    if (!same)
      outcome.warnings.push('domain.trustedDomains and domain.allowList differ; using trustedDomains');
  }
  const origins: string[] = [];
  list.forEach((entry, index) => {
    const checked = checkTrustedDomain(entry);
    if (!checked.ok) {
      outcome.issues.push({
        path: ['domain', key, index],
        expected: checked.expected,
        found: describeFound(entry),
      });
      return;
    }
    if (checked.warning !== undefined) outcome.warnings.push(`domain.${key}[${index}]: ${checked.warning}`);
    if (!origins.includes(checked.origin)) origins.push(checked.origin);
  });
  if (origins.length > MAX_TRUSTED_DOMAINS) {
    outcome.issues.push({
      path: ['domain', key],
      expected: `at most ${MAX_TRUSTED_DOMAINS} distinct domains`,
      found: `${origins.length}`,
    });
  }
  return origins;
}

/** Applies spec §2.5 to a structurally valid config. */
export function normalizeMinisConfig(raw: RawMinisConfig): NormalizeOutcome {
  const outcome: NormalizeOutcome = {
    config: undefined as unknown as NormalizedMinisConfig,
    warnings: [],
    issues: [],
  };
  const navbar = raw.navbar ?? {};
  const dev = raw.dev ?? {};
  const build = raw.build ?? {};
  const lightColor = navbar.bgColorLight ?? navbar.lightModeBgColor;
  const darkColor = navbar.bgColorDark ?? navbar.darkModeBgColor;
  outcome.config = {
    navbar: {
      ...(lightColor === undefined ? {} : { lightColor }),
      ...(darkColor === undefined ? {} : { darkColor }),
      style: navbar.style ?? 'default',
    },
    dev: {
      host: dev.host ?? DEFAULT_DEV_HOST,
      port: dev.port === undefined ? DEFAULT_DEV_PORT : Number(dev.port),
      ...(dev.entry === undefined ? {} : { entry: dev.entry }),
    },
    build: {
      outputDir: pickOutputDir(build, outcome.warnings),
      htmlEntry: build.htmlEntry === undefined ? DEFAULT_HTML_ENTRY : tidyPath(build.htmlEntry),
    },
    trustedDomains: pickTrustedDomains(raw.domain, outcome),
    ...(dev.clientKey === undefined ? {} : { clientKey: dev.clientKey }),
  };
  return outcome;
}
