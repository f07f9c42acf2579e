// Bundles the extension with esbuild so the .vsix is self-contained (core and
// its dependencies inlined): a Node bundle for the desktop/remote extension
// host and a browser bundle (no Node built-ins; platform browser fails the
// build if one sneaks in) for VS Code for the Web. Also bundles the host
// integration tests (mocha stays external: it is resolved from node_modules).
import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const common = {
  entryPoints: [join(root, 'src/extension.ts')],
  bundle: true,
  format: 'cjs',
  target: 'es2022',
  external: ['vscode'],
  sourcemap: true,
  minify: process.argv.includes('--minify'),
  logLevel: 'warning',
  // core reads optional features through a namespace object (archive-service.ts): missing ones are expected.
  logOverride: { 'import-is-undefined': 'silent' },
};
rmSync(join(root, 'dist/e2e'), { recursive: true, force: true });
await Promise.all([
  build({ ...common, platform: 'node', outfile: join(root, 'dist/node/extension.cjs') }),
  build({
    ...common,
    platform: 'browser',
    mainFields: ['browser', 'module', 'main'],
    outfile: join(root, 'dist/web/extension.cjs'),
  }),
  build({
    entryPoints: [
      ...readdirSync(join(root, 'test/e2e/suite')).filter((n) => n.endsWith('.ts')).map((n) => join(root, 'test/e2e/suite', n)),
      join(root, 'test/bench/host.ts'),
    ],
    // Flat: dist/e2e/index.cjs, *.test.cjs (found by index.cjs) and host.cjs (the benchmark).
    entryNames: '[name]',
    outdir: join(root, 'dist/e2e'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'es2022',
    external: ['vscode', 'mocha'],
    outExtension: { '.js': '.cjs' },
    sourcemap: true,
    logLevel: 'warning',
  }),
]);

// The installable extension, staged in dist/extension: what the e2e tests load
// and what `vsce package` packs. The workspace package is named
// @jianbao/vscode-extension, which is not a valid extension name, so the
// staged manifest is renamed (extension id: jianbao.jianbao-vscode).
const stage = join(root, 'dist/extension');
rmSync(stage, { recursive: true, force: true });
mkdirSync(join(stage, 'dist'), { recursive: true });
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
manifest.name = 'jianbao-vscode';
for (const key of ['private', 'scripts', 'dependencies', 'devDependencies']) delete manifest[key];
writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
for (const name of readdirSync(root).filter((n) => /^package\.nls.*\.json$|^README\.md$|^\.vscodeignore$/.test(n))) cpSync(join(root, name), join(stage, name));
cpSync(join(root, 'l10n'), join(stage, 'l10n'), { recursive: true });
cpSync(join(root, 'media'), join(stage, 'media'), { recursive: true }); // icon, view container icon, walkthrough
cpSync(join(root, 'dist/node'), join(stage, 'dist/node'), { recursive: true });
cpSync(join(root, 'dist/web'), join(stage, 'dist/web'), { recursive: true });
