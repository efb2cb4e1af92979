// The command line: options, their parsing with node:util parseArgs, and the help text beside them.
import { parseArgs } from 'node:util';

export const HELP = `Usage: privacy-steward scan [paths...] [options]

Finds personal data in TypeScript, JavaScript and Prisma code, checks that each piece
declares its purpose and retention, and reports what is missing.

Arguments:
  paths                 Files or folders to scan (default: the current folder).
                        A single folder becomes the workspace root; otherwise the
                        current folder is the root.

Options:
  --manifest FILE       Use FILE instead of <root>/privacy.manifest.json.
  --format text|json    Output format (default: text).
  --output FILE         Write the report to FILE instead of standard output.
  --fix                 Apply safe fixes to the files, then report what is left.
  --debug               Log progress and timings to standard error.
  -h, --help            Show this help.
  -v, --version         Show the version.

Exit codes:
  0  no error-level findings
  1  error-level findings
  2  bad arguments, an unreadable or invalid manifest, or an internal failure`;

export type OutputFormat = 'text' | 'json';

export interface ScanArguments {
  readonly command: 'scan';
  readonly paths: readonly string[];
  readonly manifest?: string;
  readonly format: OutputFormat;
  readonly output?: string;
  readonly fix: boolean;
  readonly debug: boolean;
}

export type ParsedArguments = ScanArguments | { readonly command: 'help' } | { readonly command: 'version' };

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function parseArguments(argv: readonly string[]): ParsedArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        manifest: { type: 'string' },
        format: { type: 'string', default: 'text' },
        output: { type: 'string', short: 'o' },
        fix: { type: 'boolean', default: false },
        debug: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/s, '') : String(error);
    throw new UsageError(`${message}. Run privacy-steward --help for the options.`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command, ...paths] = positionals;
  if (command === undefined) throw new UsageError('missing command: run "privacy-steward scan [paths...]" (see --help).');
  if (command !== 'scan') throw new UsageError(`unknown command "${command}": the command is "scan" (see --help).`);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}".`);
  return {
    command: 'scan',
    paths,
    format,
    fix: values.fix ?? false,
    debug: values.debug ?? false,
    ...(values.manifest !== undefined ? { manifest: values.manifest } : {}),
    ...(values.output !== undefined ? { output: values.output } : {}),
  };
}
