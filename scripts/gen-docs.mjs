// Regenerates rules/README.md from the built rules' metadata (run `npm run build` first; `npm run docs` does both).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ruleDocs } from '../dist/src/docs.js';

const out = fileURLToPath(new URL('../rules/README.md', import.meta.url));
writeFileSync(out, ruleDocs());
console.log(`wrote ${out}`);
