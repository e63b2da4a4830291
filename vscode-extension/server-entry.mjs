/**
 * The entry of the language server bundle (esbuild.mjs): gives src/lazy.ts the bundled packages,
 * then starts the server (src/lsp/bin.ts). ES modules run in import order, so the packages are
 * registered before any server module runs.
 */
import './register-packages.mjs';
import '../src/lsp/bin.ts';
