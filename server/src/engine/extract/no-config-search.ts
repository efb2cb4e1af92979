// Stands in for lilconfig inside our bundles. @mrleebo/prisma-ast looks for a config file with
// lilconfig when it loads, which would read (and for .js configs, run) files from the workspace;
// we pass our parser options ourselves, so the search always finds nothing (esbuild alias).

export function lilconfigSync(): { search: () => null; load: () => null } {
  return { search: () => null, load: () => null };
}

export function lilconfig(): { search: () => Promise<null>; load: () => Promise<null> } {
  return { search: async () => null, load: async () => null };
}
