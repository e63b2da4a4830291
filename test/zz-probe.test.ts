import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { LspClient } from '/work/wt-lint-source/test/lsp-helpers.ts';
it('probe', async () => {
  const c = new LspClient();
  await c.initialize();
  for (const lang of ['yaml', 'asl-yaml']) {
    const uri = pathToFileURL('/tmp/ls-repro/template.yaml').href + (lang === 'yaml' ? '' : '');
    await c.open(uri, readFileSync('/tmp/ls-repro/template.yaml', 'utf8'), lang);
    const d = await c.current(uri);
    console.log(lang, JSON.stringify(d.map((x) => [x.code, x.range.start.line, x.message.slice(0, 50)])));
    await c.close(uri);
  }
  await c.shutdown();
});
