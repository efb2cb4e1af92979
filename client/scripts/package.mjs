// `npm run package`: builds privacy-steward-<version>.vsix with @vscode/vsce from the production
// bundles (the .vscodeignore allowlist decides what goes in), then prints its size and contents.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { version } = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
const vsix = path.join(repo, `privacy-steward-${version}.vsix`);
const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
// Everything is bundled, so node_modules stays out; there is no public repository to link yet,
// so the README's relative links stay as they are.
const args = ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix];
execFileSync(process.execPath, [vsce, ...args], { cwd: repo, stdio: ['ignore', 'inherit', 'inherit'] });
const listing = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: repo, encoding: 'utf8' });
console.log(`\n${path.basename(vsix)}: ${(statSync(vsix).size / 1024 / 1024).toFixed(2)} MB`);
console.log(listing.trim().split('\n').map((line) => `  ${line}`).join('\n'));
