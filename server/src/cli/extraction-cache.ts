// The CLI's cache: what extraction found in each file, keyed by the file's path and text, kept
// between runs in one JSON file so that a second scan (the diff scan's base and head, CI with a
// restored cache) parses only what changed; and the summaries of the last whole-workspace scans,
// keyed by the workspace's content, so that a diff scan against such a revision need not analyse
// it again. Facts about the code only (names, positions, rule ids), never values.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ExtractionCache, RevisionSummary, SourceText } from '../engine';
import type { ExtractedFile } from '../engine/model';

/** Bumped whenever ExtractedFile or what extraction finds changes. */
const CACHE_SCHEMA = 1;

declare const PRIVACY_STEWARD_VERSION: string | undefined;
const VERSION = `${typeof PRIVACY_STEWARD_VERSION === 'string' ? PRIVACY_STEWARD_VERSION : 'development'}/${CACHE_SCHEMA}`;

interface CacheFile {
  readonly version: string;
  readonly entries: Record<string, ExtractedFile>;
}

interface RevisionsFile {
  readonly version: string;
  /** Newest first. */
  readonly revisions: readonly { readonly key: string; readonly summary: RevisionSummary }[];
}

/** Summaries of whole-workspace scans kept: the branch's last few revisions. */
const MAX_REVISIONS = 4;

/** What the diff scan asks of a cache that keeps revision summaries. */
export interface RevisionStore {
  /** A key for a workspace's exact content: its files' paths and texts, and its manifest. */
  workspaceKey(files: readonly SourceText[], manifestText: string | undefined): string;
  revision(key: string): RevisionSummary | undefined;
  keepRevision(key: string, summary: RevisionSummary): void;
}

/** `<root>/node_modules/.cache/privacy-steward` when the project has node_modules, else the user's cache folder. */
export function defaultCacheDir(root: string): string {
  if (fs.existsSync(path.join(root, 'node_modules'))) return path.join(root, 'node_modules', '.cache', 'privacy-steward');
  const base = process.env['XDG_CACHE_HOME'] || path.join(os.homedir(), '.cache');
  return path.join(base, 'privacy-steward', createHash('sha1').update(root).digest('hex').slice(0, 16));
}

export class DiskExtractionCache implements ExtractionCache, RevisionStore {
  private readonly entries: Record<string, ExtractedFile>;
  private readonly used: Record<string, ExtractedFile> = {};
  hits = 0;
  misses = 0;

  private constructor(
    private readonly file: string,
    entries: Record<string, ExtractedFile>,
  ) {
    this.entries = entries;
  }

  /** Opens the cache in a folder; a missing, unreadable or outdated cache starts empty. */
  private revisions: RevisionsFile['revisions'] | undefined;
  private revisionsChanged = false;

  private get revisionsFile(): string {
    return path.join(path.dirname(this.file), 'revisions.json');
  }

  static open(folder: string): DiskExtractionCache {
    const file = path.join(folder, 'extract.json');
    try {
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<CacheFile>;
      if (parsed.version === VERSION && parsed.entries && typeof parsed.entries === 'object') return new DiskExtractionCache(file, parsed.entries);
    } catch {
      // No cache yet, or one this version cannot read: start afresh.
    }
    return new DiskExtractionCache(file, {});
  }

  /** The last key of each path: the diff scan asks twice for the same text (head and base). */
  private readonly keys = new Map<string, { readonly text: string; readonly key: string }>();

  private key(filePath: string, text: string): string {
    const known = this.keys.get(filePath);
    if (known && known.text === text) return known.key;
    const key = createHash('sha1').update(filePath).update('\u0000').update(text).digest('hex');
    this.keys.set(filePath, { text, key });
    return key;
  }

  get(filePath: string, text: string): ExtractedFile | undefined {
    const key = this.key(filePath, text);
    const found = this.entries[key];
    if (found) {
      this.used[key] = found;
      this.hits++;
    } else {
      this.misses++;
    }
    return found;
  }

  set(filePath: string, text: string, extracted: ExtractedFile): void {
    const key = this.key(filePath, text);
    this.entries[key] = extracted;
    this.used[key] = extracted;
  }

  workspaceKey(files: readonly SourceText[], manifestText: string | undefined): string {
    const hash = createHash('sha1').update(VERSION).update('\u0000').update(manifestText ?? '<no manifest>');
    for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) hash.update('\u0000').update(this.key(file.path, file.text));
    return hash.digest('hex');
  }

  private loadRevisions(): RevisionsFile['revisions'] {
    if (!this.revisions) {
      try {
        const parsed = JSON.parse(fs.readFileSync(this.revisionsFile, 'utf8')) as Partial<RevisionsFile>;
        this.revisions = parsed.version === VERSION && Array.isArray(parsed.revisions) ? parsed.revisions : [];
      } catch {
        this.revisions = [];
      }
    }
    return this.revisions;
  }

  revision(key: string): RevisionSummary | undefined {
    return this.loadRevisions().find((r) => r.key === key)?.summary;
  }

  keepRevision(key: string, summary: RevisionSummary): void {
    this.revisions = [{ key, summary }, ...this.loadRevisions().filter((r) => r.key !== key)].slice(0, MAX_REVISIONS);
    this.revisionsChanged = true;
  }

  /**
   * Writes the entries this run used (so the cache follows the code instead of growing), atomically;
   * returns false when that is what the file already holds.
   */
  save(): boolean {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    if (this.revisionsChanged) writeAtomically(this.revisionsFile, JSON.stringify({ version: VERSION, revisions: this.revisions ?? [] } satisfies RevisionsFile));
    if (this.misses === 0 && Object.keys(this.used).length === Object.keys(this.entries).length) return this.revisionsChanged;
    writeAtomically(this.file, JSON.stringify({ version: VERSION, entries: this.used } satisfies CacheFile));
    return true;
  }
}

function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, text);
  fs.renameSync(temporary, file);
}

/** A cache for one run only: the diff scan's base reuses what the head's extraction found. */
export class MemoryExtractionCache implements ExtractionCache {
  private readonly entries = new Map<string, ExtractedFile>();

  get(filePath: string, text: string): ExtractedFile | undefined {
    return this.entries.get(`${filePath}\u0000${text}`);
  }

  set(filePath: string, text: string, extracted: ExtractedFile): void {
    this.entries.set(`${filePath}\u0000${text}`, extracted);
  }
}
