// dist/cli.js: starts the bundled CLI (dist/cli-main.js) through V8's code cache, so that a run does
// not spend a quarter of a second compiling 15 MB of JavaScript again. The cache (our own code, never
// the workspace's) lives in the user's cache folder; when it cannot be read or written, the CLI
// simply compiles as usual. PRIVACY_STEWARD_CODE_CACHE=0 turns it off.
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

const main = path.join(__dirname, 'cli-main.js');

function cacheFile(stat: fs.Stats): string {
  const base = process.env['XDG_CACHE_HOME'] || path.join(os.homedir(), '.cache');
  return path.join(base, 'privacy-steward', `code-${process.version}-${stat.size}-${Math.round(stat.mtimeMs)}.v8`);
}

function readCache(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

function writeCache(file: string, data: Buffer): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Older caches of other builds are of no use: keep the folder to one.
    for (const name of fs.readdirSync(path.dirname(file))) if (name.startsWith('code-') && name.endsWith('.v8') && name !== path.basename(file)) fs.rmSync(path.join(path.dirname(file), name), { force: true });
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, data);
    fs.renameSync(temporary, file);
  } catch {
    // A read-only home or a full disk: the next run compiles again.
  }
}

function start(): void {
  if (process.env['PRIVACY_STEWARD_CODE_CACHE'] === '0') {
    require(main);
    return;
  }
  const stat = fs.statSync(main);
  const file = cacheFile(stat);
  const cached = readCache(file);
  const script = new vm.Script(Module.wrap(fs.readFileSync(main, 'utf8')), { filename: main, ...(cached ? { cachedData: cached } : {}) });
  if (!cached || script.cachedDataRejected) process.once('exit', () => writeCache(file, script.createCachedData()));
  const mainModule = new Module(main, module);
  mainModule.filename = main;
  mainModule.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(__dirname);
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  run.call(mainModule.exports, mainModule.exports, mainModule.require.bind(mainModule) as NodeJS.Require, mainModule, main, __dirname);
}

start();
