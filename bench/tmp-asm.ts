import { readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from './cdk-nag.ts';
const out = '/tmp/asm/cdk.out';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const built = build(10, 20);
const manifest = JSON.parse(readFileSync(join(built.outdir, 'manifest.json'), 'utf8'));
const artifacts: Record<string, unknown> = {};
let n = 0;
for (let copy = 0; copy < 100; copy++) {
  for (let s = 0; s < 10; s++) {
    const name = `Service${s}x${copy}`;
    const template = readFileSync(join(built.outdir, `Service${s}.template.json`), 'utf8').replaceAll(`Service${s}/`, `${name}/`);
    writeFileSync(join(out, `${name}.template.json`), template);
    const a = structuredClone(manifest.artifacts[`Service${s}`]);
    a.properties.templateFile = `${name}.template.json`;
    a.displayName = name;
    delete a.dependencies; delete a.properties.additionalDependencies; delete a.additionalMetadataFile;
    artifacts[name] = a;
    n++;
  }
}
writeFileSync(join(out, 'manifest.json'), JSON.stringify({ version: manifest.version, artifacts }, null, 1));
console.log(n, built.resources * 100);
