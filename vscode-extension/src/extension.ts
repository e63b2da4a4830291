/**
 * The VS Code side: starts the bundled asl-lint language server (server/lsp/server.mjs) over
 * Node IPC and hands it the documents that may hold state machines. Everything else is the
 * server's job: it lints `*.asl.json` / `*.asl.yaml` files, JSON and YAML documents whose content
 * is a state machine, and templates (SAM/CloudFormation/CDK, Serverless, Terraform) that hold
 * some; it leaves every other document alone.
 *
 * The extension claims no language of its own: definition files stay in VS Code's JSON and YAML
 * languages, so VS Code's formatting, folding and bracket matching keep working. The AWS
 * Toolkit gives `*.asl.*` files its `asl` / `asl-yaml` languages; those documents are linted too
 * unless `aslLint.awsToolkitDocuments` is "skip" (both tools would report each problem).
 */
import * as path from 'node:path';
import { commands, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type DocumentFilter, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerGraphView } from './graphPanel';

let client: LanguageClient | undefined;

const TOOLKIT_LANGUAGES = ['asl', 'asl-yaml'];
const OWN_LANGUAGES = ['json', 'jsonc', 'yaml', 'terraform'];

function documentSelector(): DocumentFilter[] {
  const skipToolkit = workspace.getConfiguration('aslLint').get<string>('awsToolkitDocuments') === 'skip';
  const languages = skipToolkit ? OWN_LANGUAGES : [...TOOLKIT_LANGUAGES, ...OWN_LANGUAGES];
  return [
    ...languages.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    // Terraform files with no Terraform extension installed are plain text.
    { scheme: 'file', pattern: '**/*.tf' },
  ];
}

function createClient(context: ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('server', 'lsp', 'server.mjs'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    // VS Code's JSON and YAML support formats and folds these files: the server does not compete.
    initializationOptions: { formatting: false, folding: false },
  };
  return new LanguageClient('aslLint', 'asl-lint', serverOptions, clientOptions);
}

async function restart(context: ExtensionContext): Promise<void> {
  const old = client;
  client = undefined;
  await old?.stop().catch(() => undefined);
  client = createClient(context);
  await client.start();
}

export async function activate(context: ExtensionContext): Promise<void> {
  context.subscriptions.push(
    commands.registerCommand('asl-lint.restartServer', () => restart(context)),
    commands.registerCommand('asl-lint.showOutput', () => client?.outputChannel.show(true)),
    workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('aslLint.awsToolkitDocuments')) void restart(context);
    }),
  );
  // The graph view asks whichever client is current (a restart replaces it).
  registerGraphView(context, () => client);
  client = createClient(context);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
