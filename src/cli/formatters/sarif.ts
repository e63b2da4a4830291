/**
 * SARIF 2.1.0, as GitHub code scanning reads it: the rule catalogue (with help links and AWS
 * codes), one result per diagnostic with its region, and the AWS location as a logical location.
 */
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { allRules } from '../../../rules/index.js';
import { invalidDirectiveRule, unusedDirectiveRule } from '../../engine/directives.js';
import { streamingFormatter, type FileResult } from './types.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../paths.js';
import { ruleDocsUrl } from '../../links.js';

// Links come from src/links.ts: the package's homepage, else the rule reference shipped in the package.
const DOCS = ruleDocsUrl();
const HOME = DOCS?.replace(/#.*$/, '');

/** Findings that come from the adapters rather than from a rule module. */
const EXTRA: ReportingDescriptor[] = [
  { id: 'template-definition', name: 'template-definition', shortDescription: { text: 'A template definition that cannot be checked, or a definition file a template names that cannot be read.' }, ...(DOCS ? { helpUri: `${DOCS}#templates` } : {}), properties: { awsCode: 'LINT_NOT_CHECKABLE' } },
];

function catalogue(): ReportingDescriptor[] {
  const fromRules = [...allRules, unusedDirectiveRule, invalidDirectiveRule].map(
    (r): ReportingDescriptor => ({
      id: r.meta.id,
      name: r.meta.id,
      shortDescription: { text: r.meta.description },
      fullDescription: { text: r.meta.rationale },
      ...(DOCS ? { helpUri: `${DOCS}#${r.meta.id}` } : {}),
      defaultConfiguration: { level: r.meta.defaultOff ? ('none' as const) : r.meta.severity === 'ERROR' ? ('error' as const) : ('warning' as const) },
      properties: { awsCode: r.meta.code, tags: [r.meta.code] },
    }),
  );
  return [...fromRules, ...EXTRA];
}

function version(): string {
  try {
    return JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).version;
  } catch {
    return '0.0.0';
  }
}

/** A relative path as a URI reference (forward slashes, percent-encoded). */
function uri(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}

/** `cwd`: the working directory the results' paths are relative to (%SRCROOT%). */
export function toSarif(results: readonly FileResult[], cwd: string): Log {
  const collector = sarifCollector(cwd);
  for (const file of results) collector.add(file);
  return collector.log();
}

/** SARIF needs the whole run in one document: it keeps only its Result objects, not the files' results. */
function sarifCollector(cwd: string): { add(file: FileResult): void; log(): Log } {
  const rules = catalogue();
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const out: Result[] = [];
  const add = (file: FileResult): void => {
    for (const d of file.diagnostics) {
      const ruleIndex = index.get(d.rule);
      const result: Result = {
        ruleId: d.rule,
        level: d.severity === 'ERROR' ? 'error' : 'warning',
        message: { text: `${d.message} (${d.code})` },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: uri(file.filePath), uriBaseId: '%SRCROOT%' },
              region: {
                startLine: d.range.start.line + 1,
                startColumn: d.range.start.character + 1,
                endLine: d.range.end.line + 1,
                endColumn: d.range.end.character + 1,
              },
            },
            ...(d.location ? { logicalLocations: [{ fullyQualifiedName: d.location, kind: 'member' }] } : {}),
          },
        ],
        properties: { awsCode: d.code },
      };
      if (ruleIndex !== undefined) result.ruleIndex = ruleIndex;
      out.push(result);
    }
  };
  const log = (): Log => ({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'asl-lint', version: version(), ...(HOME ? { informationUri: HOME } : {}), rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: 'file:///' + uri(cwd.replace(/^\//, '')) + '/' } },
        results: out,
      },
    ],
  });
  return { add, log };
}

const sarif = streamingFormatter((context) => {
  // The run's working directory (the CLI's io.cwd), which the display paths are relative to.
  const collector = sarifCollector(context.cwd);
  return {
    file(file) {
      collector.add(file);
      return '';
    },
    end: () => JSON.stringify(collector.log(), null, 2) + '\n',
  };
});

export default sarif;
