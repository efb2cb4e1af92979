// The command line: options, their parsing with node:util parseArgs, and the help text beside them.
import { parseArgs } from 'node:util';

export const HELP = `Usage: privacy-steward scan [paths...] [options]
       privacy-steward pia [folder] [options]

scan  Finds personal data in TypeScript, JavaScript and Prisma code, checks that each piece
      declares its purpose and retention, follows it into logs and third parties, and
      reports what is missing.
pia   Writes the privacy impact assessment (PIA.md, pia.json and an OTM threat model) into
      the manifest's pia.folder (default privacy/), keeping every answer people gave.

Arguments:
  paths                 Files or folders to scan (default: the current folder).
                        A single folder becomes the workspace root; otherwise the
                        current folder is the root.
  folder                The workspace root of the assessment (default: the current folder).

Scan options:
  --manifest FILE       Use FILE instead of <root>/privacy.manifest.json.
  --format text|json    Output format (default: text).
  --output FILE         Write the report to FILE instead of standard output.
  --fix                 Apply safe fixes to the files, then report what is left.
  --debug               Log progress and timings to standard error.

PIA options:
  --format md|json      Print the assessment (Markdown or JSON) instead of a summary.
  --check               Write nothing; exit 1 when the committed assessment is out of
                        date with the code (for CI).
  --export fides|cnil|ropa|otm
                        Print an export instead: a fideslang dataset (YAML), the CNIL
                        PIA tool's import JSON, an Art. 30 record (CSV), or the threat
                        model (OTM JSON). Use --output FILE to write it to a file.
  --force               Regenerate PIA.md even when it was edited outside its answer
                        blocks (that text is lost; the old file is kept as PIA.md.bak).
  --manifest FILE, --output FILE, --debug as for scan.

  -h, --help            Show this help.
  -v, --version         Show the version.

Exit codes:
  0  no error-level findings (scan); the assessment is written or up to date (pia)
  1  error-level findings (scan); the committed assessment is out of date (pia --check)
  2  bad arguments, an unreadable or invalid manifest or pia.json, or an internal failure`;

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

export type PiaExport = 'fides' | 'cnil' | 'ropa' | 'otm';

export interface PiaArguments {
  readonly command: 'pia';
  readonly root?: string;
  readonly manifest?: string;
  readonly format?: 'md' | 'json';
  readonly check: boolean;
  readonly export?: PiaExport;
  readonly output?: string;
  readonly force: boolean;
  readonly debug: boolean;
}

export type ParsedArguments = ScanArguments | PiaArguments | { readonly command: 'help' } | { readonly command: 'version' };

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
        format: { type: 'string' },
        output: { type: 'string', short: 'o' },
        fix: { type: 'boolean', default: false },
        check: { type: 'boolean', default: false },
        export: { type: 'string' },
        force: { type: 'boolean', default: false },
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
  if (command === undefined) throw new UsageError('missing command: run "privacy-steward scan [paths...]" or "privacy-steward pia" (see --help).');
  if (command === 'pia') return piaArguments(values, paths);
  if (command !== 'scan') throw new UsageError(`unknown command "${command}": the commands are "scan" and "pia" (see --help).`);
  for (const option of ['check', 'force'] as const) if (values[option]) throw new UsageError(`--${option} is an option of "pia", not of "scan".`);
  if (values.export !== undefined) throw new UsageError('--export is an option of "pia", not of "scan".');
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

const EXPORTS: readonly PiaExport[] = ['fides', 'cnil', 'ropa', 'otm'];

function piaArguments(values: Record<string, string | boolean | undefined>, paths: readonly string[]): PiaArguments {
  if (paths.length > 1) throw new UsageError('pia takes one folder, the workspace root.');
  if (values['fix']) throw new UsageError('--fix is an option of "scan", not of "pia".');
  const format = values['format'];
  if (format !== undefined && format !== 'md' && format !== 'json') throw new UsageError(`--format of pia must be md or json, not "${String(format)}".`);
  const exported = values['export'];
  if (exported !== undefined && !EXPORTS.includes(exported as PiaExport)) throw new UsageError(`--export must be one of ${EXPORTS.join(', ')}, not "${String(exported)}".`);
  if (values['check'] && exported !== undefined) throw new UsageError('--check and --export do not go together: --check writes nothing and prints nothing but a status.');
  const root = paths[0];
  return {
    command: 'pia',
    check: values['check'] === true,
    force: values['force'] === true,
    debug: values['debug'] === true,
    ...(root !== undefined ? { root } : {}),
    ...(typeof values['manifest'] === 'string' ? { manifest: values['manifest'] } : {}),
    ...(format !== undefined ? { format: format as 'md' | 'json' } : {}),
    ...(exported !== undefined ? { export: exported as PiaExport } : {}),
    ...(typeof values['output'] === 'string' ? { output: values['output'] } : {}),
  };
}
