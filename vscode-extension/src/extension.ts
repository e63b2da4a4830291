/**
 * The VS Code side: starts the bundled asl-lint language server (server/lsp/server.mjs) over
 * Node IPC and hands it the ASL documents. Everything else is the server's job.
 */
import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerGraphView } from './graphPanel';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('server', 'lsp', 'server.mjs'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // asl / asl-yaml are always linted; the server lints other JSON and YAML documents only when
    // their content is a state machine (top-level StartAt and States).
    documentSelector: ['asl', 'asl-yaml', 'json', 'jsonc', 'yaml'].flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
  };
  client = new LanguageClient('aslLint', 'asl-lint', serverOptions, clientOptions);
  registerGraphView(context, () => client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
