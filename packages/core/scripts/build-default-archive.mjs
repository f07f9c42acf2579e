// Build step: parses ../../seeds into the default archive bundle and writes it
// into dist as an ES module exporting the bundle's JSON text (JSON.parse of a
// string is faster than evaluating an object literal, and the module loads in
// Node, service workers and VS Code alike).
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundle, serializeBundle, parseBundle } from '../dist/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const seeds = join(here, '../../../seeds');
const names = readdirSync(seeds).filter((n) => /\.(txt|md)$/i.test(n)).sort();
const pages = names.map((name) => ({ name, text: readFileSync(join(seeds, name), 'utf8') }));
const manifestPath = join(seeds, 'manifest.json');
const manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : {};
const text = serializeBundle(buildBundle({ pages }, { name: '剪报默认档案 (seeds)', manifest }));
parseBundle(text); // never ship a bundle we cannot load
const out = join(here, '../dist');
writeFileSync(join(out, 'default-archive.generated.js'), `export default ${JSON.stringify(text)};\n`);
writeFileSync(join(out, 'default-archive.generated.d.ts'), 'declare const bundleText: string;\nexport default bundleText;\n');
console.error(`default archive: ${names.length} pages, ${text.length} characters`);
