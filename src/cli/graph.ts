/**
 * `asl-lint graph FILE [--format mermaid|dot|svg] [-o FILE]` and `asl-lint graph --diff OLD NEW`:
 * the picture of a state machine (one per machine of a template), from lint()'s own model and
 * diagnostics. Failures are UsageError/RunError, reported by main() as one line with exit 2.
 */
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Graph } from '../graph/graph.js';
import type { MachineGraph } from '../graph/source.js';
import { EXIT_OK, RunError, UsageError, firstLine } from './errors.js';
import { isAslFile, projectRoot, readOrSkip } from './files.js';
import { DEFAULT_MAX_TEMPLATE_BYTES, MAX_DEFINITION_FILE_BYTES } from '../read-file.js';
import { writeOutputFile } from './safe-write.js';
import type { Io, Outcome } from './io.js';

const FORMATS = ['mermaid', 'dot', 'svg'] as const;
type GraphFormat = (typeof FORMATS)[number];

export function graphHelpText(): string {
  return `Usage: asl-lint graph <file> [options]
       asl-lint graph --diff <old> <new>

Draws the state machine of a definition, or of each state machine in a template
(SAM/CloudFormation, Serverless, CDK output, Terraform): every state, Parallel branches and
Map processors as clusters, Next/Default/Choice/Catch transitions labelled with the rule's
condition or the error names, start and end points, states with an ERROR (red) or a
WARNING (yellow) highlighted.

Options:
  -f, --format <name>       mermaid (default), dot or svg (laid out by Graphviz, offline)
  -o, --output-file <file>  write to a file; a template with several state machines writes
                            one file each, named <file>.<Machine>.<ext>
      --type <type>         check every machine as STANDARD or EXPRESS, whatever its template
                            or the configuration says (as asl-lint --type)
  -c, --config <file>       use this configuration file instead of searching for one
      --no-config           use no configuration file
  -s, --substitute <k>=<v>  fill \${k} placeholders with v (repeatable)
      --allow-outside-references
                            read files a template names outside the project folder (as
                            asl-lint --allow-outside-references)
      --diff                compare two versions: states and transitions added (+) and removed
                            (-) as text, or with --format mermaid the new graph with the change
                            drawn on it (added green, removed red and dashed)
  -h, --help                show this help

Exit codes: 0 drawn (whatever the diagnostics), 2 usage error or nothing to draw.
`;
}

const spec = {
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  type: { type: 'string' },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  substitute: { type: 'string', multiple: true, short: 's' },
  diff: { type: 'boolean' },
  'allow-outside-references': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function runGraph(args: readonly string[], io: Io): Promise<Outcome> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: spec, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`graph: ${firstLine((err as Error).message)}; run 'asl-lint graph --help' for usage`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { exitCode: EXIT_OK, stdout: graphHelpText(), stderr: '' };
  const format = (values.format ?? 'mermaid').toLowerCase() as GraphFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`invalid value for --format: '${values.format}' (expected mermaid, dot or svg)`);
  const type = values.type?.toUpperCase();
  if (type !== undefined && type !== 'STANDARD' && type !== 'EXPRESS') throw new UsageError(`invalid value for --type: '${values.type}' (expected STANDARD or EXPRESS)`);
  if (values.config !== undefined && values['no-config']) throw new UsageError('--config and --no-config cannot be used together');
  const cliSubs: [string, string][] = (values.substitute ?? []).map((raw) => {
    const eq = raw.indexOf('=');
    if (eq <= 0) throw new UsageError(`invalid value for --substitute: '${raw}' (expected NAME=VALUE)`);
    return [raw.slice(0, eq), raw.slice(eq + 1)];
  });
  const wanted = values.diff ? 2 : 1;
  if (positionals.length !== wanted) {
    throw new UsageError(values.diff ? 'graph --diff takes two files: the old version and the new one' : `graph takes one file (got ${positionals.length}); run 'asl-lint graph --help' for usage`);
  }

  /** Machines of a template that are not drawn (others are): said on stderr, the exit code stays 0. */
  const notes: string[] = [];
  const [{ graphsOfFile, NoGraphError }, configs] = await Promise.all([import('../graph/source.js'), import('../config/config.js')]);
  const load = (shown: string): MachineGraph[] => {
    const path = resolve(io.cwd, shown);
    // Read as `asl-lint` reads a named file: a regular file, *.asl.* up to 10 MiB, others up to the template cap.
    const text = readOrSkip({ path, display: shown }, isAslFile(path) ? MAX_DEFINITION_FILE_BYTES : DEFAULT_MAX_TEMPLATE_BYTES, false) as string;
    let configured;
    try {
      const loaded = values['no-config'] ? { config: {} } : values.config !== undefined ? (configs.readConfigFile(resolve(io.cwd, values.config)) ?? { config: {} }) : configs.findConfig(path);
      // As the lint run: one translation of the configuration (optionsFromConfig); --type forces the type, as `asl-lint --type` does.
      configured = configs.optionsFromConfig(loaded, path, { forceType: type as 'STANDARD' | 'EXPRESS' | undefined, substitutions: cliSubs });
    } catch (err) {
      if (err instanceof configs.ConfigError) throw new RunError(err.message);
      throw err;
    }
    try {
      return graphsOfFile(text, path, {
        ...configured.options,
        root: projectRoot(path, io.cwd),
        allowOutsideRoot: values['allow-outside-references'],
        onSkip: (why) => notes.push(`asl-lint: ${shown}: not drawn: ${why}\n`),
      });
    } catch (err) {
      if (err instanceof NoGraphError) throw new RunError(`${shown}: ${err.message}`);
      throw new RunError(`internal error while drawing '${shown}': ${firstLine(err instanceof Error ? err.message : String(err))}`);
    }
  };

  if (values.diff) {
    // Text by default; with --format mermaid, the new graph with the change drawn on it.
    if (values.format !== undefined && format !== 'mermaid') throw new UsageError(`graph --diff writes text, or Mermaid with --format mermaid (not ${format})`);
    const { diffGraphs, diffMermaid, formatDiff } = await import('../graph/diff.js');
    const [before, after] = [load(positionals[0]), load(positionals[1])];
    const out: string[] = [];
    const names = new Set([...before, ...after].map((m) => m.name));
    for (const name of names) {
      const a = before.find((m) => m.name === name)?.graph ?? emptyGraph();
      const b = after.find((m) => m.name === name)?.graph ?? emptyGraph();
      if (values.format === undefined) out.push(formatDiff(diffGraphs(a, b), name ? `${positionals[0]} (${name})` : positionals[0], name ? `${positionals[1]} (${name})` : positionals[1]));
      else out.push((names.size > 1 ? `%% ${name ?? ''}\n` : '') + diffMermaid(a, b));
    }
    return { ...write(out.join(values.format === undefined ? '' : '\n'), values['output-file'], io), stderr: notes.join('') };
  }

  const machines = load(positionals[0]);
  const render = await renderer(format);
  const target = values['output-file'];
  if (machines.length > 1 && target !== undefined) {
    const ext = extname(target);
    for (const m of machines) {
      const file = join(dirname(target), `${basename(target, ext)}.${safe(m.name ?? 'machine')}${ext || `.${extensionOf(format)}`}`);
      writeOutputFile(resolve(io.cwd, file), file, render(m.graph), io.cwd);
    }
    return { exitCode: EXIT_OK, stdout: '', stderr: notes.join('') };
  }
  if (machines.length > 1 && format === 'svg') {
    throw new UsageError(`'${positionals[0]}' holds ${machines.length} state machines (${machines.map((m) => m.name).join(', ')}): give -o FILE to write one SVG each`);
  }
  const comment = format === 'mermaid' ? '%%' : '//';
  const text = machines.map((m) => (machines.length > 1 ? `${comment} ${m.name}\n` : '') + render(m.graph)).join(machines.length > 1 ? '\n' : '');
  return { ...write(text, target, io), stderr: notes.join('') };
}

async function renderer(format: GraphFormat): Promise<(g: Graph) => string> {
  if (format === 'mermaid') return (await import('../graph/mermaid.js')).toMermaid;
  if (format === 'dot') {
    const { toDot } = await import('../graph/dot.js');
    return (g) => toDot(g);
  }
  const { loadRenderer, renderSvg, GraphRenderError } = await import('../graph/svg.js');
  const viz = await loadRenderer();
  return (g) => {
    try {
      return renderSvg(viz, g);
    } catch (err) {
      if (err instanceof GraphRenderError) throw new RunError(`${g.name ? `${g.name}: ` : ''}${err.message}`);
      throw err;
    }
  };
}

function emptyGraph(): Graph {
  return { nodes: [], clusters: [], points: [], edges: [], problems: [] };
}

function extensionOf(format: GraphFormat): string {
  return format === 'mermaid' ? 'mmd' : format;
}

/** A machine name as a file name part. */
function safe(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '_');
}

function write(text: string, target: string | undefined, io: Io): Outcome {
  if (target === undefined) return { exitCode: EXIT_OK, stdout: text, stderr: '' };
  writeOutputFile(resolve(io.cwd, target), target, text, io.cwd);
  return { exitCode: EXIT_OK, stdout: '', stderr: '' };
}
