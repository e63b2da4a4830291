#!/usr/bin/env node
/**
 * Generates schemas/asl.validators.cjs: ajv standalone code for every validator of
 * schemas/asl.schema.json, so the linter starts without loading or running ajv's compiler
 * (compiling takes about half a second; loading the generated module a few milliseconds).
 * Runs after `tsc` (it uses the compiled keyword definitions in dist/).
 */
import { writeFileSync } from 'node:fs';

const { standaloneSource, generatedModulePath } = await import('../dist/src/schema/compile.js');
const file = generatedModulePath();
const source = standaloneSource();
writeFileSync(file, source);
console.log(`asl-lint: wrote ${file} (${Math.round(source.length / 1024)} KB)`);
