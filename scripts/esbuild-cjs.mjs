/**
 * The esbuild options every CommonJS bundle of the package shares (the CLI's, the library's).
 * The sources are ES modules: import.meta.url becomes this file's URL. The banner comes before
 * esbuild's own "use strict", which would then no longer be a directive: it says it first.
 */
export const cjsBundle = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'import.meta.url': '__aslImportMetaUrl' },
  banner: { js: "'use strict';\nconst __aslImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};
