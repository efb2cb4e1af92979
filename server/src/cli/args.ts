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
  --format text|json|sarif|markdown
                        Output format (default: text). sarif is SARIF 2.1.0 for code
                        scanning; markdown is a pull-request summary.
  --output FILE         Write the report to FILE instead of standard output.
  --fix                 Apply safe fixes to the files, then report what is left.
  --diff REF            Report only what the working tree introduces against the merge
                        base of REF and HEAD (fields, flows, findings), for PR review.
  --baseline FILE       Accept the findings listed in FILE (written by --write-baseline).
  --write-baseline FILE Write the findings of this scan to FILE as a baseline; exits 0.
  --fail-on error|warning|none
                        The lowest severity that makes the scan exit 1 (default: error).
  --max-warnings N      Also exit 1 when there are more than N warnings.
  --link-base URL       Link findings in the markdown summary to URL/<file>#L<line>
                        (e.g. https://github.com/org/repo/blob/<sha>).
  --cache               Keep what extraction found per file between runs (in
                        node_modules/.cache/privacy-steward, or --cache-location DIR).
  --cache-location DIR  Where --cache keeps its file.
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
  0  no finding at or above --fail-on, at most --max-warnings warnings (scan); the
     assessment is written or up to date (pia)
  1  findings at or above --fail-on (default: error) or too many warnings (scan);
     the committed assessment is out of date (pia --check)
  2  bad arguments, an unreadable or invalid manifest or pia.json, or an internal failure`;

export type OutputFormat = 'text' | 'json' | 'sarif' | 'markdown';
const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif', 'markdown'];

export type FailOn = 'error' | 'warning' | 'none';
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'none'];

export interface ScanArguments {
  readonly command: 'scan';
  readonly paths: readonly string[];
  readonly manifest?: string;
  readonly format: OutputFormat;
  readonly output?: string;
  readonly fix: boolean;
  readonly debug: boolean;
  /** --diff: the git ref whose merge base with HEAD is the base of the review. */
  readonly diff?: string;
  readonly baseline?: string;
  readonly writeBaseline?: string;
  readonly failOn: FailOn;
  readonly maxWarnings?: number;
  readonly linkBase?: string;
  readonly cache: boolean;
  readonly cacheLocation?: string;
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
        diff: { type: 'string' },
        baseline: { type: 'string' },
        'write-baseline': { type: 'string' },
        'fail-on': { type: 'string' },
        'max-warnings': { type: 'string' },
        'link-base': { type: 'string' },
        cache: { type: 'boolean', default: false },
        'cache-location': { type: 'string' },
        check: { type: 'boolean', default: false },
        export: { type: 'string' },
        force: { type: 'boolean', default: false },
        debug: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/s, '').replace(/\.+$/, '') : String(error);
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
  if (!FORMATS.includes(format as OutputFormat)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}".`);
  const failOn = values['fail-on'] ?? 'error';
  if (!FAIL_ON.includes(failOn as FailOn)) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}, not "${failOn}".`);
  const maxWarnings = values['max-warnings'];
  if (maxWarnings !== undefined && !/^\d+$/.test(maxWarnings)) throw new UsageError(`--max-warnings takes a whole number of warnings (0 or more), not "${maxWarnings}".`);
  if (values.diff !== undefined && (values.diff === '' || values.diff.startsWith('-'))) throw new UsageError(`--diff takes a git ref such as origin/main, not "${values.diff}".`);
  if (values.fix && values.diff !== undefined) throw new UsageError('--fix and --diff do not go together: review the change first, then fix without --diff.');
  if (values['link-base'] !== undefined && !/^https?:\/\//.test(values['link-base'])) throw new UsageError(`--link-base takes an http(s) URL, not "${values['link-base']}".`);
  for (const option of ['baseline', 'write-baseline', 'cache-location', 'output', 'manifest'] as const) {
    if (values[option] === '') throw new UsageError(`--${option} takes a file or folder name.`);
  }
  return {
    command: 'scan',
    paths,
    format: format as OutputFormat,
    fix: values.fix ?? false,
    debug: values.debug ?? false,
    failOn: failOn as FailOn,
    cache: values.cache ?? false,
    ...(values.manifest !== undefined ? { manifest: values.manifest } : {}),
    ...(values.output !== undefined ? { output: values.output } : {}),
    ...(values.diff !== undefined ? { diff: values.diff } : {}),
    ...(values.baseline !== undefined ? { baseline: values.baseline } : {}),
    ...(values['write-baseline'] !== undefined ? { writeBaseline: values['write-baseline'] } : {}),
    ...(maxWarnings !== undefined ? { maxWarnings: Number(maxWarnings) } : {}),
    ...(values['link-base'] !== undefined ? { linkBase: values['link-base'].replace(/\/+$/, '') } : {}),
    ...(values['cache-location'] !== undefined ? { cacheLocation: values['cache-location'] } : {}),
  };
}

const EXPORTS: readonly PiaExport[] = ['fides', 'cnil', 'ropa', 'otm'];

function piaArguments(values: Record<string, string | boolean | undefined>, paths: readonly string[]): PiaArguments {
  if (paths.length > 1) throw new UsageError('pia takes one folder, the workspace root.');
  for (const option of ['fix', 'diff', 'baseline', 'write-baseline', 'fail-on', 'max-warnings', 'link-base', 'cache', 'cache-location']) {
    if (values[option] !== undefined && values[option] !== false) throw new UsageError(`--${option} is an option of "scan", not of "pia".`);
  }
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
