/** --help and --version texts. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatterNames } from './formatters/index.js';

export function helpText(): string {
  return `asl-lint: lint Amazon States Language (AWS Step Functions) definitions

Usage: asl-lint [options] <file|dir|glob|->...
       asl-lint graph <file> [--format mermaid|dot|svg] [-o <file>]   (asl-lint graph --help)

  file   a definition to lint (.json, or .yaml/.yml for YAML), or a template
         holding state machines (SAM/CloudFormation, Serverless, CDK output, Terraform .tf)
  dir    searched recursively for *.asl.json, *.asl.yaml and *.asl.yml, and for
         template.yaml/json, *.template.json, serverless.yml and *.tf files that
         hold state machines (node_modules and .git are skipped)
  glob   e.g. 'machines/**/*.json' (quote it), expanded to .json/.yaml/.yml files
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
      --fix                  apply the safe fixes to the files (atomic write)
      --fix-dry-run          print the fixes as a unified diff, change nothing
      --report-unused-disable-directives
                             warn about asl-lint-disable directives that suppress nothing
      --max-warnings <n>     exit with 1 when more than n warnings are found
      --quiet                report errors only (warnings still count for --max-warnings)
  -o, --output-file <file>   write the report to a file instead of standard output
      --stdin-filename <name>
                             name of the text read from '-' (its extension picks JSON or YAML)
      --color, --no-color    force colours on or off (default: on for a terminal, unless NO_COLOR is set)
  -h, --help                 show this help
  -v, --version              show the version

Configuration: asl-lint.config.json, .asl-lint.json or an "asl-lint" key in package.json,
found from each file's folder upward. Rules: see rules/README.md.

Exit codes:
  0  no errors (and no more warnings than --max-warnings)
  1  errors found, or more warnings than --max-warnings
  2  usage error, unreadable file, or internal failure
`;
}

/** The version in the package's own package.json (found upwards from this module: src/ or dist/src/). */
export function versionText(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'asl-lint' && pkg.version) return `${pkg.version}\n`;
    } catch {
      // not here: keep going up
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the package.json of asl-lint');
    dir = parent;
  }
}
