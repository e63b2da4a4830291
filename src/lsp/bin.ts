#!/usr/bin/env node
/**
 * asl-lint-lsp: the language server. `asl-lint-lsp --stdio` for editors that start a command
 * (Neovim, Helix, Zed, Emacs...); VS Code's client passes --node-ipc.
 */
import { packageInfo } from '../package-info.js';
import { startServer } from './server.js';

const HELP = `Usage: asl-lint-lsp [--stdio | --node-ipc | --socket=<port> | --pipe=<name>]

The asl-lint language server for Amazon States Language (Step Functions) definitions:
diagnostics, hover, completion, go to definition, references, rename, document symbols and
quick fixes for *.asl.json, *.asl.yaml, *.asl.yml and any JSON or YAML state machine.

Options:
  --stdio           talk LSP over standard input and output (what most editors use)
  --node-ipc        talk over Node's IPC channel (VS Code)
  --socket=<port>   talk over a TCP socket
  --pipe=<name>     talk over a named pipe
  -v, --version     show the version
  -h, --help        show this help

Settings (workspace/configuration, section "aslLint"):
  aslLint.rules     rule severities by rule id or code: {"NO_DOLLAR": "off", "state-unreachable": "warn"}
  aslLint.type      STANDARD or EXPRESS: a default, as the configuration's "type" (a template's
                    declared type wins); unset: the configuration's, else STANDARD
`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(HELP);
} else if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${packageInfo()?.version ?? 'unknown'}\n`);
} else if (!args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe') || a.startsWith('--clientProcessId'))) {
  process.stderr.write(`asl-lint-lsp: say how to talk to the editor, e.g. asl-lint-lsp --stdio\n\n${HELP}`);
  process.exitCode = 2;
} else {
  // A bug must not take the editor's server down: log it and keep serving.
  process.on('uncaughtException', (err) => process.stderr.write(`asl-lint-lsp: ${err.stack ?? err.message}\n`));
  process.on('unhandledRejection', (err) => process.stderr.write(`asl-lint-lsp: ${String((err as Error)?.stack ?? err)}\n`));
  startServer(undefined, { version: packageInfo()?.version }); // the transport named on the command line (transport.ts)
}
