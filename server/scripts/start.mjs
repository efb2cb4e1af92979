// `npm start [-- <folder>]`: scans the given workspace, or the demo workspace the repo ships.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const target = args.length > 0 ? args : [path.join(repo, 'test', 'fixtures', 'demo')];
const result = spawnSync(process.execPath, [path.join(repo, 'dist', 'cli.js'), 'scan', ...target], { stdio: 'inherit' });
process.exitCode = result.status ?? 2;
