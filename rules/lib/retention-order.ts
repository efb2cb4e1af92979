// Compares two retention declarations: which keeps data longer. Only comparable ones compare —
// both durations from collection, or both after the same event; `indefinite` outlives everything,
// `transient` and `session` outlive nothing that is stored.
import type { ResolvedManifest } from '../api';
import { durationInDays, type RetentionExpression } from '../declarations/retention';
import { resolveRetention } from './declarations';

type Comparable = { readonly rank: number; readonly anchor?: string; readonly days: number };

function comparable(expression: RetentionExpression): Comparable | undefined {
  switch (expression.kind) {
    case 'transient':
      return { rank: 0, days: 0 };
    case 'session':
      return { rank: 1, days: 0 };
    case 'duration':
      return { rank: 2, days: durationInDays(expression.duration), ...(expression.after ? { anchor: expression.after } : {}) };
    case 'indefinite':
      return { rank: 3, days: Infinity };
    default:
      return undefined;
  }
}

/** Positive when `a` keeps data longer than `b`, negative when shorter, 0 when equal; undefined when they cannot be compared. */
export function compareRetention(a: string, b: string, manifest: ResolvedManifest): number | undefined {
  const ea = resolveRetention(a, manifest);
  const eb = resolveRetention(b, manifest);
  const ca = ea ? comparable(ea) : undefined;
  const cb = eb ? comparable(eb) : undefined;
  if (!ca || !cb) return undefined;
  if (ca.rank !== cb.rank) return ca.rank - cb.rank;
  if (ca.rank !== 2) return 0;
  if (ca.anchor !== cb.anchor) return undefined;
  return Math.sign(ca.days - cb.days);
}

/** A retention as a message shows it: the policy with what it resolves to. */
export function describeRetention(value: string, manifest: ResolvedManifest): string {
  const trimmed = value.trim();
  const policy = /^policy:(.+)$/i.exec(trimmed)?.[1];
  if (policy) {
    const resolved = manifest.retentionPolicies[policy]?.retention;
    return resolved ? `policy ${policy} (${resolved})` : `policy ${policy}`;
  }
  if (/^indefinite\b/i.test(trimmed)) return 'indefinitely';
  return trimmed;
}
