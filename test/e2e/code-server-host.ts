#!/usr/bin/env node
// Stands in for a VS Code executable so that @vscode/test-electron's runTests can drive a real
// extension host: starts code-server on 127.0.0.1 (free port, no auth), opens its workbench in
// Debian's headless chromium with the extension under test and its test module passed in the URL
// payload, forwards the test output, saves a screenshot of the workbench when a test asks for it
// (SCREENSHOT_MARKER in the output; the extension is still running then), and exits with the tests'
// exit code. Env: CODE_SERVER_HOME, CHROMIUM_PATH, CODE_TEST_TIMEOUT_MS, PRIVACY_STEWARD_SCREENSHOT,
// CODE_TEST_VERBOSE=1 (forward the whole browser console).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';

const REPO = path.resolve(__dirname, '..', '..', '..');
const HOME = process.env['CODE_SERVER_HOME'] ?? path.join(REPO, '.vscode-test', 'code-server');
const NODE = path.join(HOME, 'node', 'bin', 'node');
const ENTRY = path.join(HOME, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const TIMEOUT = Number(process.env['CODE_TEST_TIMEOUT_MS'] ?? 600_000);
const VERBOSE = process.env['CODE_TEST_VERBOSE'] === '1';
const SCREENSHOT = process.env['PRIVACY_STEWARD_SCREENSHOT'];
/** A test logs this line when the workbench shows what the screenshot should show. */
export const SCREENSHOT_MARKER = '[[privacy-steward:screenshot]]';
const SCREENSHOT_PATTERN = /\[\[privacy-steward:screenshot(?::([a-z0-9-]+))?\]\]/;

interface Launch {
  readonly dev: string[];
  tests?: string;
  userDataDir?: string;
  extensionsDir?: string;
  readonly folders: string[];
}

/** Reads the VS Code command line that test-electron builds; desktop-only flags are ignored. */
function parse(argv: readonly string[]): Launch {
  const launch: Launch = { dev: [], folders: [] };
  const valued = new Set(['extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir']);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const match = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (!match) {
      launch.folders.push(arg);
      continue;
    }
    const key = match[1] ?? '';
    const value = match[2] ?? (valued.has(key) ? argv[++i] : undefined);
    if (value === undefined) continue;
    if (key === 'extensionDevelopmentPath') launch.dev.push(path.resolve(value));
    else if (key === 'extensionTestsPath') launch.tests = path.resolve(value);
    else if (key === 'user-data-dir') launch.userDataDir = path.resolve(value);
    else if (key === 'extensions-dir') launch.extensionsDir = path.resolve(value);
  }
  return launch;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as net.AddressInfo;
      server.close(() => resolve(address.port));
    });
  });
}

function waitForHttp(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const tick = (): void => {
      http
        .get(url, (res) => {
          res.resume();
          resolve();
        })
        .on('error', () => (Date.now() > end ? reject(new Error(`code-server did not answer on ${url}`)) : setTimeout(tick, 200)));
    };
    tick();
  });
}

/** A file path as the path of a vscode-remote URI. */
const uriPath = (p: string): string => p.split('/').map(encodeURIComponent).join('/');

/** Workbench chatter that is expected offline; hidden unless CODE_TEST_VERBOSE=1. */
const NOISE = /^(Resolv|Creating a socket|\[AgentHost|\[ChatModelSelection|\[AccountPolicyGate|\[reconnection|Updating additional|\[Service Worker|\[DefaultAccount|Timed out waiting for authentication provider|getaddrinfo ENOTFOUND|Failed to fetch|An unknown error occurred|Creation of workbench contribution)/;

async function main(): Promise<number> {
  const launch = parse(process.argv.slice(2));
  if (!fs.existsSync(ENTRY) || !fs.existsSync(NODE)) {
    process.stderr.write(`code-server is not installed under ${HOME}: run bash test/e2e/setup-code-server.sh\n`);
    return 2;
  }
  const userDataDir = launch.userDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cs-user-'));
  const extensionsDir = launch.extensionsDir ?? path.join(userDataDir, 'extensions');
  const xdg = path.join(userDataDir, 'xdg');
  for (const dir of [userDataDir, extensionsDir, path.join(userDataDir, 'User'), xdg]) fs.mkdirSync(dir, { recursive: true });
  const settings = path.join(userDataDir, 'User', 'settings.json');
  if (!fs.existsSync(settings)) {
    fs.writeFileSync(
      settings,
      JSON.stringify({
        'workbench.startupEditor': 'none',
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'update.mode': 'none',
        'chat.disableAIFeatures': true,
        'workbench.enableExperiments': false,
        'git.enabled': false,
        'typescript.tsserver.experimental.enableProjectDiagnostics': false,
      }),
    );
  }
  const config = path.join(xdg, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // A short private TMPDIR: code-server puts its IPC sockets there (108-character path limit).
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-'));
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(xdg, 'config'), XDG_DATA_HOME: path.join(xdg, 'data'), XDG_CACHE_HOME: path.join(xdg, 'cache'), TMPDIR: tmp, PATH: `${path.dirname(NODE)}:${process.env['PATH'] ?? ''}` };
  const server = spawn(
    NODE,
    [ENTRY, '--config', config, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened',
      // Makes the built workbench honour extensionDevelopmentPath / extensionTestsPath in ?payload=.
      '--vscode-option', 'enable-smoke-test-driver'],
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const log = fs.createWriteStream(path.join(userDataDir, 'code-server.log'));
  server.stdout.pipe(log);
  server.stderr.pipe(log);
  const stop = (): void => {
    try {
      if (server.pid !== undefined) process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  process.on('exit', stop);

  const { chromium } = await import('playwright-core');
  let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
  try {
    await waitForHttp(`${base}/healthz`, 60_000);
    const authority = `127.0.0.1:${port}`;
    const payload: [string, string][] = launch.dev.map((d) => ['extensionDevelopmentPath', `vscode-remote://${authority}${uriPath(d)}`]);
    if (launch.tests) payload.push(['extensionTestsPath', `vscode-remote://${authority}${uriPath(launch.tests)}`]);
    const folder = launch.folders[0] ? path.resolve(launch.folders[0]) : undefined;
    const url = `${base}/?${folder ? `folder=${encodeURIComponent(folder)}&` : 'ew=true&'}payload=${encodeURIComponent(JSON.stringify(payload))}`;
    const browserHome = path.join(xdg, 'browser-home');
    fs.mkdirSync(browserHome, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      env: { ...process.env, HOME: browserHome, XDG_CONFIG_HOME: browserHome, XDG_CACHE_HOME: browserHome },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    let finish: (code: number | 'timeout') => void = () => undefined;
    const finished = new Promise<number | 'timeout'>((resolve) => (finish = resolve));
    // The workbench hands every log line of the extension host (mocha's reporter included) to
    // window.codeAutomationLog when it runs extension tests, and the result to codeAutomationExit.
    await page.exposeFunction('codeAutomationLog', async (type: string, args: unknown[]) => {
      const line = format(...args);
      // `[[privacy-steward:screenshot]]` takes PRIVACY_STEWARD_SCREENSHOT; `[[privacy-steward:screenshot:name]]` a sibling name.png.
      const marker = SCREENSHOT_PATTERN.exec(line);
      if (marker) {
        const file = SCREENSHOT && (marker[1] ? path.join(path.dirname(SCREENSHOT), `${marker[1]}.png`) : SCREENSHOT);
        if (file) {
          if (VERBOSE) {
            for (const frame of page.frames()) {
              const size = await frame.evaluate("document.body ? document.body.innerText.length : -1").catch(() => -2);
              process.stdout.write(`[browser] frame ${new URL(frame.url() || 'about:blank').pathname.slice(-40)}: ${size} characters\n`);
            }
          }
          fs.mkdirSync(path.dirname(file), { recursive: true });
          await page.screenshot({ path: file }).catch((error: unknown) => process.stderr.write(`screenshot failed: ${String(error)}\n`));
        }
        return;
      }
      if (VERBOSE || !NOISE.test(line.trim())) (type === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => finish(code));
    if (VERBOSE) page.on('console', (message) => process.stdout.write(`[browser] ${message.text()}\n`));
    // Host names only (what the offline machine could not reach), never full URLs.
    if (VERBOSE) page.on('requestfailed', (request) => process.stdout.write(`[browser] request failed: ${new URL(request.url()).host} ${request.failure()?.errorText ?? ''}\n`));
    const timer = setTimeout(() => finish('timeout'), TIMEOUT);
    await page.goto(url);
    const code = await finished;
    clearTimeout(timer);
    if (code === 'timeout') {
      process.stderr.write(`the extension tests did not finish in ${TIMEOUT} ms (code-server.log in ${userDataDir})\n`);
      return 1;
    }
    return code;
  } finally {
    await browser?.close().catch(() => undefined);
    stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
