// The merge gates of a scan: which findings make it exit 1 (--fail-on, --max-warnings), applied to
// the findings it reports (new ones with --diff, minus a baseline).
import type { Finding } from '../engine';
import type { FailOn } from './args';

export interface GateVerdict {
  readonly failed: boolean;
  /** Why, for standard error (undefined when the gate passes). */
  readonly reason?: string;
}

export function applyGates(findings: readonly Finding[], failOn: FailOn, maxWarnings: number | undefined): GateVerdict {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  if (failOn !== 'none' && errors > 0) return { failed: true, reason: `${errors} error${errors === 1 ? '' : 's'}` };
  if (failOn === 'warning' && warnings > 0) return { failed: true, reason: `${warnings} warning${warnings === 1 ? '' : 's'} (--fail-on warning)` };
  if (maxWarnings !== undefined && warnings > maxWarnings) return { failed: true, reason: `${warnings} warnings, more than --max-warnings ${maxWarnings}` };
  return { failed: false };
}
