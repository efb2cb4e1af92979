// The VS Code settings the server honours (privacySteward.*), read per workspace folder through
// workspace/configuration and validated: an invalid value falls back to its default with one warning.

export interface Settings {
  readonly enable: boolean;
  /** Analyse while typing, or only on save. */
  readonly run: 'onType' | 'onSave';
  /** Path of the manifest, relative to the workspace folder (empty: privacy.manifest.json). */
  readonly manifest: string;
}

export const DEFAULT_SETTINGS: Settings = { enable: true, run: 'onType', manifest: '' };

/** Validates what the client sent; problems are returned as messages for the log. */
export function readSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const enable = value['enable'];
  const run = value['run'];
  const manifest = value['manifest'];
  if (enable !== undefined && typeof enable !== 'boolean') problems.push('privacySteward.enable must be true or false; using true');
  if (run !== undefined && run !== 'onType' && run !== 'onSave') problems.push('privacySteward.run must be "onType" or "onSave"; using "onType"');
  if (manifest !== undefined && typeof manifest !== 'string') problems.push('privacySteward.manifest must be a path; using privacy.manifest.json');
  return {
    settings: {
      enable: typeof enable === 'boolean' ? enable : DEFAULT_SETTINGS.enable,
      run: run === 'onSave' ? 'onSave' : 'onType',
      manifest: typeof manifest === 'string' ? manifest : DEFAULT_SETTINGS.manifest,
    },
    problems,
  };
}
