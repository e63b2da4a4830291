/** --help and --version texts. */
import { packageInfo } from '../package-info.js';
import { formatterNames } from './formatters/index.js';

export function helpText(): string {
  return `asl-lint: lint Amazon States Language (AWS Step Functions) definitions

Usage: asl-lint [options] <file|dir|glob|->...
       asl-lint run <file> [--input JSON|@file] [--mocks file]   run offline (see run --help)
       asl-lint test [paths]                  run test files (see test --help)
       asl-lint graph <file> [--format mermaid|dot|svg] [-o <file>]   (asl-lint graph --help)

  file   a definition to lint (.json, or .yaml/.yml for YAML), or a template
         holding state machines (SAM/CloudFormation, Serverless, CDK output, Terraform .tf)
  dir    searched recursively for .json, .yaml, .yml, .tf and .template files; each that
         is a state machine or a template holding one is linted, the rest skipped
         (node_modules, .git, .aws-sam, .terraform and .gitignore'd paths are not searched;
         cdk.out only for machines found nowhere else)
  glob   e.g. 'machines/**/*.json' (quote it): every match, read as for a directory
  -      read the definition from standard input

Options:
  -f, --format <name>        output format: ${formatterNames.join(', ')} (default: stylish)
      --severity <level>     lowest severity to report: ERROR or WARNING (default: WARNING)
      --type <type>          state machine type: STANDARD or EXPRESS (default: from the
                             configuration, else STANDARD)
      --rule <rule>=<level>  set a rule (id or AWS code) to off, warn or error; repeatable
  -c, --config <file>        use this configuration file instead of searching for one
      --no-config            use no configuration file
      --print-config <file>  print the configuration that applies to a file, and exit
  -s, --substitute <k>=<v>   fill \${k} placeholders with v (repeatable); also accepts
                             unquoted placeholders such as "TimeoutSeconds": \${T}
      --substitutions-file <file>
                             a JSON object of placeholder values
      --fix                  apply the fixes that keep the meaning to the files (each
                             file checked before it is replaced; see README)
      --fix-dry-run          print the fixes as a unified diff, change nothing
      --max-template-size <size>
                             largest template (or other non-*.asl.* file) read,
                             e.g. 20MiB (default: 10MiB; *.asl.* definitions: 10MiB)
      --allow-outside-references
                             let DefinitionUri/file() read files outside the project folder
      --fix-type <types>     what --fix applies: fix (default), suggestion (edits that
                             change what the workflow does), or fix,suggestion
      --report-unused-disable-directives
                             warn about asl-lint-disable directives that suppress nothing
      --max-warnings <n>     exit with 1 when more than n warnings are found
      --quiet                report errors only (warnings still count for --max-warnings)
  -o, --output-file <file>   write the report to a file instead of standard output
      --stdin-filename <name>
                             name of the text read from '-' (its extension picks JSON or YAML)
      --color, --no-color    force colours on or off (default: on for a terminal, unless NO_COLOR is set)
      --list-rules           list every rule: id, AWS code, default severity, fixable,
                             description (with --format json: as JSON), and exit
  -h, --help                 show this help
  -v, --version              show the version

Configuration: asl-lint.config.json, .asl-lint.json or an "asl-lint" key in package.json,
found from each file's folder upward. Rules: asl-lint --list-rules, and the rule reference
shipped in the package (rules/README.md).

Exit codes:
  0  no errors (and no more warnings than --max-warnings)
  1  errors found, or more warnings than --max-warnings
  2  usage error, nothing to lint, unreadable or oversized file, or internal failure

The number of files and state machines checked is printed on standard error.
`;
}

/** The version in the package's own package.json (src/package-info.ts). */
export function versionText(): string {
  const info = packageInfo();
  if (!info) throw new Error('cannot find the package.json of asl-lint');
  return `${info.version}\n`;
}
