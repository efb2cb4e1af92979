// Entry point of dist/cli-main.js (started by dist/cli.js): parses arguments, runs the command,
// writes the report, and maps the outcome to the exit code (0 clean, 1 findings past the gates,
// 2 usage / configuration / internal failure). The only module that touches process.exitCode.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigError, type Logger } from '../engine';
import { HELP, parseArguments, UsageError } from './args';
import { applyGates } from './gates';
import { PiaError } from '../engine/pia';
import { runPia } from './pia-command';
import { runScan } from './scan-command';

declare const PRIVACY_STEWARD_VERSION: string | undefined;
const VERSION = typeof PRIVACY_STEWARD_VERSION === 'string' ? PRIVACY_STEWARD_VERSION : 'development';

function stderrLogger(debug: boolean): Logger {
  const write = (level: string) => (message: string) => process.stderr.write(`privacy-steward ${level}: ${message}\n`);
  return { error: write('error'), warn: write('warning'), info: debug ? write('info') : () => {}, debug: debug ? write('debug') : () => {} };
}

function useColour(): boolean {
  if (process.env['NO_COLOR'] !== undefined) return false;
  if (process.env['FORCE_COLOR'] !== undefined && process.env['FORCE_COLOR'] !== '0') return true;
  return process.stdout.isTTY === true;
}

export async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArguments(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`privacy-steward: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (parsed.command === 'help') {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (parsed.command === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const logger = stderrLogger(parsed.debug);
  try {
    if (parsed.command === 'pia') {
      const outcome = await runPia(parsed, { cwd: process.cwd(), logger });
      if (parsed.output !== undefined) fs.writeFileSync(path.resolve(parsed.output), outcome.report);
      else process.stdout.write(outcome.report);
      if (outcome.result.configErrors > 0) {
        process.stderr.write(`privacy-steward: the manifest has ${outcome.result.configErrors} problem(s); run privacy-steward scan to see them.\n`);
        return 2;
      }
      return outcome.current === false ? 1 : 0;
    }
    const outcome = await runScan(parsed, { cwd: process.cwd(), colour: parsed.output === undefined && useColour(), logger, env: process.env });
    if (parsed.output !== undefined) fs.writeFileSync(path.resolve(parsed.output), outcome.report);
    else process.stdout.write(outcome.report);
    for (const file of outcome.fixedFiles) process.stderr.write(`privacy-steward: fixed ${file}\n`);
    const { result } = outcome;
    if (result.configErrors > 0) {
      process.stderr.write(`privacy-steward: the manifest has ${result.configErrors} problem(s) (listed above); fix them so the scan uses what the team declared.\n`);
      return 2;
    }
    if (result.internalErrors > 0) return 2;
    if (outcome.baselineWritten !== undefined) {
      process.stderr.write(`privacy-steward: wrote the baseline ${path.relative(process.cwd(), outcome.baselineWritten) || outcome.baselineWritten}; scans with --baseline accept its findings.\n`);
      return 0;
    }
    const verdict = applyGates(outcome.reported, parsed.failOn, parsed.maxWarnings);
    if (verdict.failed && parsed.format !== 'text') process.stderr.write(`privacy-steward: failing: ${verdict.reason}.\n`);
    return verdict.failed ? 1 : 0;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof PiaError) {
      process.stderr.write(`privacy-steward: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`privacy-steward: internal error (${error instanceof Error ? error.name : 'unknown'}); run with --debug for details and please report it.\n`);
    if (parsed.debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`privacy-steward: internal error (${error instanceof Error ? error.name : 'unknown'})\n`);
    process.exitCode = 2;
  },
);
