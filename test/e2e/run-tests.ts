// `npm run test:e2e`: installs the packaged extension (privacy-steward-<version>.vsix) into a
// fresh extensions folder with code-server itself, then runs the extension-host suite with
// @vscode/test-electron's runTests against a copy of the demo workspace, through the code-server
// shim (VS Code cannot be downloaded here). The shim saves a screenshot of the workbench.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const REPO = path.resolve(__dirname, '..', '..', '..');
const HOME = process.env['CODE_SERVER_HOME'] ?? path.join(REPO, '.vscode-test', 'code-server');
const OUTPUT = path.join(REPO, '.vscode-test', 'e2e');

function installVsix(): string {
  const { version, publisher, name } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string; publisher: string; name: string };
  const vsix = path.join(REPO, `${name}-${version}.vsix`);
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} is missing: run npm run package first`);
  const extensions = fs.mkdtempSync(path.join(os.tmpdir(), 'privacy-steward-installed-'));
  execFileSync(path.join(HOME, 'node', 'bin', 'node'), [path.join(HOME, 'node_modules', 'code-server', 'out', 'node', 'entry.js'), '--extensions-dir', extensions, '--install-extension', vsix], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, XDG_CONFIG_HOME: path.join(extensions, '.xdg'), XDG_DATA_HOME: path.join(extensions, '.xdg') },
  });
  const installed = fs.readdirSync(extensions).find((entry) => entry.startsWith(`${publisher}.${name}-`));
  if (!installed) throw new Error(`code-server did not install ${path.basename(vsix)}`);
  return path.join(extensions, installed);
}

async function main(): Promise<void> {
  const extension = installVsix();
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'privacy-steward-demo-'));
  fs.cpSync(path.join(REPO, 'test', 'fixtures', 'demo'), workspace, { recursive: true });
  fs.mkdirSync(OUTPUT, { recursive: true });
  const shim = path.join(__dirname, 'code-server-host.js');
  fs.chmodSync(shim, 0o755);
  process.env['PRIVACY_STEWARD_SCREENSHOT'] = path.join(OUTPUT, 'workbench-problems.png');
  try {
    await runTests({
      vscodeExecutablePath: shim,
      extensionDevelopmentPath: extension,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [workspace],
    });
  } finally {
    // The temporary workspace copy and extensions folder (the extension is installed inside it).
    for (const folder of [workspace, path.dirname(extension)]) fs.rmSync(folder, { recursive: true, force: true });
  }
  process.stdout.write(`screenshots: ${process.env['PRIVACY_STEWARD_SCREENSHOT']}, ${path.join(OUTPUT, 'pia-webview.png')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
