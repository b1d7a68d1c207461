import type { CheckResult, Finding, RuleMeta } from '@openminis/checker';

export interface SarifOptions {
  rules: readonly RuleMeta[];
  /** The checked folder relative to the repository/working directory, `/`-separated ('' for itself). */
  dirUri: string;
  toolVersion: string;
}

function uriOf(dirUri: string, file: string): string {
  const path = dirUri === '' || dirUri === '.' ? file : `${dirUri.replace(/\/$/, '')}/${file}`;
  return path.split('/').map(encodeURIComponent).join('/');
}

function region(finding: Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>) {
  return {
    startLine: finding.line,
    startColumn: finding.column,
    ...(finding.endLine === undefined ? {} : { endLine: finding.endLine }),
    ...(finding.endColumn === undefined ? {} : { endColumn: finding.endColumn }),
  };
}

/**
 * SARIF 2.1.0 for code-scanning UIs: one run, `tool.driver.rules` from the checker's rule list, one
 * result per finding (`ruleId` = rule name), the source-mapped origin as a related location, and
 * unchecked files as tool execution notifications.
 */
export function formatSarif(result: CheckResult, options: SarifOptions): string {
  const ruleIndex = new Map(options.rules.map((rule, index) => [rule.name, index]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'openminis-check',
            fullName: 'ttdx minis check (OpenMinis forbidden-API checker)',
            version: options.toolVersion,
            rules: options.rules.map((rule) => ({
              id: rule.name,
              name: rule.name,
              shortDescription: { text: rule.description },
              help: { text: rule.hint },
              defaultConfiguration: { level: rule.severity },
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: result.skipped.map((skipped) => ({
              level: 'error',
              message: { text: `${skipped.file} was not checked: ${skipped.reason}` },
              locations: [
                { physicalLocation: { artifactLocation: { uri: uriOf(options.dirUri, skipped.file) } } },
              ],
            })),
          },
        ],
        results: result.findings.map((finding) => ({
          ruleId: finding.rule,
          ...(ruleIndex.has(finding.rule) ? { ruleIndex: ruleIndex.get(finding.rule) } : {}),
          level: finding.severity,
          message: { text: finding.hint === '' ? finding.message : `${finding.message} ${finding.hint}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: uriOf(options.dirUri, finding.file) },
                region: region(finding),
              },
            },
          ],
          ...(finding.original === undefined
            ? {}
            : {
                relatedLocations: [
                  {
                    id: 1,
                    message: { text: 'original source (from the source map)' },
                    physicalLocation: {
                      artifactLocation: { uri: finding.original.file },
                      region: { startLine: finding.original.line, startColumn: finding.original.column },
                    },
                  },
                ],
              }),
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
