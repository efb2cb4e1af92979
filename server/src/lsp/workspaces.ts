// The workspace folders the server analyses, one LiveWorkspace each, and the way from a document
// URI to its workspace and workspace-relative path. A file outside every folder gets its own
// folder-less workspace rooted at its directory.
import * as path from 'node:path';
import { LiveWorkspace, type Logger } from '../engine';
import type { RuleModule } from '../../../rules/api';
import { pathToUri, uriToPath } from './convert';

export interface Located {
  readonly workspace: LiveWorkspace;
  /** Workspace-relative path with forward slashes. */
  readonly relative: string;
  readonly absolute: string;
}

export class Workspaces {
  private readonly byRoot = new Map<string, LiveWorkspace>();
  /** Workspaces for files outside every folder, by directory; never shadow a folder. */
  private readonly loose = new Map<string, LiveWorkspace>();

  constructor(
    private readonly rules: readonly RuleModule[],
    private readonly logger: Logger,
  ) {}

  /** Adds a folder (idempotent); the manifest path is relative to the folder when given. */
  add(root: string, manifest?: string): LiveWorkspace {
    const resolved = path.resolve(root);
    const existing = this.byRoot.get(resolved);
    if (existing) return existing;
    const workspace = new LiveWorkspace({ root: resolved, rules: this.rules, logger: this.logger, ...(manifest ? { manifestFile: manifest } : {}) });
    this.byRoot.set(resolved, workspace);
    return workspace;
  }

  /** Replaces a folder's workspace (its manifest setting changed). */
  reset(root: string, manifest?: string): LiveWorkspace {
    this.byRoot.delete(path.resolve(root));
    return this.add(root, manifest);
  }

  remove(root: string): void {
    this.byRoot.delete(path.resolve(root));
  }

  all(): LiveWorkspace[] {
    return [...this.byRoot.values()];
  }

  /** The workspace holding a document: the deepest folder that contains it. */
  locate(uri: string): Located | undefined {
    const absolute = uriToPath(uri);
    if (!absolute) return undefined;
    let best: LiveWorkspace | undefined;
    for (const [root, workspace] of this.byRoot) {
      const inside = absolute === root || absolute.startsWith(root + path.sep);
      if (inside && (!best || root.length > best.root.length)) best = workspace;
    }
    const workspace = best ?? this.looseFor(path.dirname(absolute));
    return { workspace, relative: workspace.relative(absolute), absolute };
  }

  private looseFor(directory: string): LiveWorkspace {
    let workspace = this.loose.get(directory);
    if (!workspace) this.loose.set(directory, (workspace = new LiveWorkspace({ root: directory, rules: this.rules, logger: this.logger })));
    return workspace;
  }

  /** Whether `uri` is the manifest of one of the workspaces. */
  manifestOf(uri: string): LiveWorkspace | undefined {
    const absolute = uriToPath(uri);
    return absolute ? this.all().find((w) => w.manifestPath === absolute) : undefined;
  }

  uriOf(workspace: LiveWorkspace, relative: string): string {
    return pathToUri(path.join(workspace.root, relative));
  }
}
