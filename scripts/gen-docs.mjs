// Regenerates rules/README.md from the built rules' metadata and docs/languages.md from the
// built language tables (run `npm run build` first; `npm run docs` does both).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ruleDocs } from '../dist/src/docs.js';
import { languageDocs } from '../dist/src/lang/reference.js';

for (const [file, text] of [
  ['../rules/README.md', ruleDocs()],
  ['../docs/languages.md', languageDocs()],
]) {
  const out = fileURLToPath(new URL(file, import.meta.url));
  writeFileSync(out, text);
  console.log(`wrote ${out}`);
}
