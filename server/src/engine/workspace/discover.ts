// Finds the files a scan analyses: TypeScript, JavaScript and Prisma sources under the given paths,
// minus dependency and build folders and the manifest's ignore globs. Follows symbolic links once
// and reports loops and unreadable folders instead of failing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Minimatch } from 'minimatch';
import { languageOf } from '../extract';

/** Folders never analysed: dependencies, VCS metadata, build and cache output. */
export const DEFAULT_IGNORED_FOLDERS = new Set([
  'node_modules', '.git', '.hg', '.svn', 'dist', 'build', 'out', 'coverage', '.next', '.nuxt', '.svelte-kit', '.turbo', '.cache', '.vercel',
  '.output', 'vendor', 'bower_components', '.yarn', '.pnpm-store', '.vscode-test', '__generated__', '.docusaurus', '.expo', '.angular',
]);

/** File names never analysed: minified and bundled output. */
const MINIFIED_NAME = /\.(min|bundle)\.(c|m)?js$/i;

export interface DiscoveryProblem {
  /** Workspace-relative path of the file or folder. */
  readonly file: string;
  readonly message: string;
}

export interface Discovery {
  /** Absolute paths, sorted. */
  readonly files: string[];
  readonly problems: DiscoveryProblem[];
}

export function toRelative(root: string, absolute: string): string {
  const relative = path.relative(root, absolute);
  return (relative === '' ? path.basename(absolute) : relative).split(path.sep).join('/');
}

/** Compiles ignore globs; a glob is matched against the workspace-relative path with forward slashes. */
export function ignoreMatcher(globs: readonly string[]): (relative: string) => boolean {
  const matchers = globs.map((glob) => new Minimatch(glob, { dot: true, matchBase: !glob.includes('/') }));
  return (relative) => matchers.some((m) => m.match(relative));
}

/**
 * Whether discovery would keep a workspace-relative path (for files that exist in another revision
 * only, like those a change deletes).
 */
export function isDiscoverable(relative: string, ignoreGlobs: readonly string[]): boolean {
  if (!languageOf(relative) || MINIFIED_NAME.test(relative)) return false;
  if (relative.split('/').slice(0, -1).some((segment) => DEFAULT_IGNORED_FOLDERS.has(segment))) return false;
  return !ignoreMatcher(ignoreGlobs)(relative);
}

export function discoverFiles(root: string, targets: readonly string[], ignoreGlobs: readonly string[]): Discovery {
  const files = new Set<string>();
  const problems: DiscoveryProblem[] = [];
  const isIgnored = ignoreMatcher(ignoreGlobs);
  const visitedFolders = new Set<string>();

  const consider = (absolute: string, explicit: boolean): void => {
    const relative = toRelative(root, absolute);
    if (!languageOf(absolute)) return;
    if (!explicit && (MINIFIED_NAME.test(absolute) || isIgnored(relative))) return;
    files.add(absolute);
  };

  const walk = (folder: string): void => {
    let real: string;
    try {
      real = fs.realpathSync.native(folder);
    } catch (error) {
      problems.push({ file: toRelative(root, folder), message: `cannot resolve the folder (${(error as NodeJS.ErrnoException).code ?? 'error'}); it was skipped` });
      return;
    }
    if (visitedFolders.has(real)) {
      problems.push({ file: toRelative(root, folder), message: 'symbolic link loop: this folder links back to one already scanned; it was skipped' });
      return;
    }
    visitedFolders.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      problems.push({ file: toRelative(root, folder), message: `cannot read the folder (${(error as NodeJS.ErrnoException).code ?? 'error'}); check its permissions` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const absolute = path.join(folder, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const stat = fs.statSync(absolute);
          isDirectory = stat.isDirectory();
          isFile = stat.isFile();
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          problems.push({
            file: toRelative(root, absolute),
            message: code === 'ELOOP' ? 'symbolic link loop: the link points back to itself; it was skipped' : `broken symbolic link (${code ?? 'error'}); it was skipped`,
          });
          continue;
        }
      }
      if (isDirectory) {
        if (DEFAULT_IGNORED_FOLDERS.has(entry.name)) continue;
        if (isIgnored(`${toRelative(root, absolute)}/`) || isIgnored(toRelative(root, absolute))) continue;
        walk(absolute);
      } else if (isFile) {
        consider(absolute, false);
      }
    }
  };

  for (const target of targets) {
    const absolute = path.resolve(root, target);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      problems.push({ file: toRelative(root, absolute), message: `cannot read this path (${(error as NodeJS.ErrnoException).code ?? 'error'}); check that it exists` });
      continue;
    }
    if (stat.isDirectory()) walk(absolute);
    else consider(absolute, true);
  }
  return { files: [...files].sort(), problems };
}
