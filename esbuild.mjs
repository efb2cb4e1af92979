// Bundles the shipped entry points with esbuild: dist/cli.js (the CLI's launcher) and
// dist/cli-main.js (the CLI), dist/server.js (the language server), dist/extract-worker.js
// (deep-file parser) and dist/extension.js (VS Code client).
//   node esbuild.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { readFileSync, existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
  metafile: true,
  // jsonc-parser's UMD build hides its requires from the bundler; its ESM build does not.
  mainFields: ['module', 'main'],
  define: { PRIVACY_STEWARD_VERSION: JSON.stringify(pkg.version) },
  // prisma-ast searches the working directory for a config file when it loads; never do that.
  alias: { lilconfig: './server/src/engine/extract/no-config-search.ts' },
};

const entries = [
  { entryPoints: ['server/src/cli/launcher.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli-main.js' },
  { entryPoints: ['server/src/engine/extract/extract-worker.ts'], outfile: 'dist/extract-worker.js' },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
].filter((entry) => existsSync(entry.entryPoints[0]));

async function build() {
  const results = await Promise.all(entries.map((entry) => esbuild.build({ ...common, ...entry })));
  for (const [i, result] of results.entries()) {
    const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
    console.log(`${entries[i].outfile}  ${(bytes / 1024 / 1024).toFixed(2)} MB`);
  }
}

if (watch) {
  const contexts = await Promise.all(entries.map((entry) => esbuild.context({ ...common, ...entry })));
  await Promise.all(contexts.map((context) => context.watch()));
  console.log('watching for changes…');
} else {
  await build();
}
