// Runs the engine on in-memory files, as the scan would on disk: the manifest (or the built-in
// defaults), extraction, workspace classification and the given rules.
import type { RuleModule } from '../../rules/api';
import { RULES } from '../../rules';
import type { ManifestDocument } from '../../rules/manifest/types';
import { analyseFiles, type AnalysisResult, defaultManifest, loadManifest } from '../../server/src/engine';

export interface WorkspaceCase {
  /** path → text, workspace-relative. */
  readonly files: Readonly<Record<string, string>>;
  /** The manifest; undefined means the workspace has none (built-in defaults apply). */
  readonly manifest?: ManifestDocument;
  readonly rules?: readonly RuleModule[];
}

export const MANIFEST_PATH = 'privacy.manifest.json';

/** The manifest text a case's object becomes (formatted as a person would write it). */
export function manifestText(manifest: ManifestDocument): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

export async function analyseWorkspace(workspace: WorkspaceCase): Promise<AnalysisResult> {
  let manifest = defaultManifest();
  if (workspace.manifest) {
    const loaded = loadManifest(manifestText(workspace.manifest), MANIFEST_PATH, RULES.map((r) => r.meta.id));
    if (loaded.problems.length > 0) throw new Error(`the test's manifest is invalid: ${loaded.problems.map((p) => `${p.message} (at ${p.jsonPath})`).join('; ')}`);
    manifest = loaded.manifest;
  }
  const files = Object.entries(workspace.files).map(([path, text]) => ({ path, text }));
  return analyseFiles({ files, manifest, rules: workspace.rules ?? RULES });
}
