/**
 * SARIF 2.1.0, as GitHub code scanning reads it: the rule catalogue (with help links and AWS
 * codes), one result per diagnostic with its region, and the AWS location as a logical location.
 */
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { RuleMeta } from '../../engine/rule.js';
import { streamingFormatter, type FileResult, type FormatContext } from './types.js';
import { packageInfo } from '../../package-info.js';
import { ruleDocsUrl } from '../../api.js';

// Links come from src/links.ts: the package's homepage, else the rule reference shipped in the package.
const DOCS = ruleDocsUrl();
const HOME = DOCS?.replace(/#.*$/, '');

/** The rule catalogue as SARIF reporting descriptors, from the metadata the formatter receives. */
function catalogue(rulesMeta: FormatContext['rulesMeta'] | undefined): ReportingDescriptor[] {
  // A caller from JavaScript may pass no rulesMeta: a log with no rule list (and no ruleIndex), still valid SARIF.
  return Object.values(rulesMeta ?? {}).map((m: RuleMeta): ReportingDescriptor => ({
    id: m.id,
    name: m.id,
    shortDescription: { text: m.description },
    fullDescription: { text: m.rationale },
    ...(DOCS ? { helpUri: `${DOCS}#${m.id}` } : {}),
    defaultConfiguration: { level: m.defaultOff ? ('none' as const) : m.severity === 'ERROR' ? ('error' as const) : ('warning' as const) },
    properties: { awsCode: m.code, tags: [m.code] },
  }));
}

/** A relative path as a URI reference (forward slashes, percent-encoded). */
function uri(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}

/** SARIF needs the whole run in one document: it keeps only its Result objects, not the files' results. */
function sarifCollector(rulesMeta: FormatContext['rulesMeta'] | undefined, cwd: string): { add(file: FileResult): void; log(): Log } {
  const rules = catalogue(rulesMeta);
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
        tool: { driver: { name: 'asl-lint', version: packageInfo()?.version ?? '0.0.0', ...(HOME ? { informationUri: HOME } : {}), rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: 'file:///' + uri(cwd.replace(/^\//, '')) + '/' } },
        results: out,
      },
    ],
  });
  return { add, log };
}

const sarif = streamingFormatter((context) => {
  // The run's working directory (the CLI's io.cwd), which the display paths are relative to.
  const collector = sarifCollector(context.rulesMeta, context.cwd);
  return {
    file(file) {
      collector.add(file);
      return '';
    },
    end: () => JSON.stringify(collector.log(), null, 2) + '\n',
  };
});

export default sarif;
