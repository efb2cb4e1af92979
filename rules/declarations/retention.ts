// The retention grammar of DESIGN.md §1: ISO 8601 durations, "<duration> after <event>",
// "until <date>", "policy:<id>", transient, session and "indefinite because <reason>".

export interface IsoDuration {
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

export type RetentionExpression =
  | { readonly kind: 'duration'; readonly duration: IsoDuration; readonly after?: string }
  | { readonly kind: 'until'; readonly date: string }
  | { readonly kind: 'policy'; readonly policy: string }
  | { readonly kind: 'transient' }
  | { readonly kind: 'session' }
  | { readonly kind: 'indefinite'; readonly hasReason: boolean };

export type RetentionParseResult =
  | { readonly ok: true; readonly expression: RetentionExpression }
  | { readonly ok: false; readonly problem: string };

const DURATION = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ID = /^[a-z][a-zA-Z0-9_-]*(?:\.[a-zA-Z0-9_-]+)*$/;

/** Parses an ISO 8601 duration (P2Y, P30D, PT12H); undefined when it is not one. */
export function parseIsoDuration(text: string): IsoDuration | undefined {
  const match = DURATION.exec(text);
  if (!match) return undefined;
  const n = (i: number): number => (match[i] ? Number(match[i]) : 0);
  return { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
}

/** Approximate length in days (a year is 365 days, a month 30), enough to compare limits. */
export function durationInDays(d: IsoDuration): number {
  return d.years * 365 + d.months * 30 + d.weeks * 7 + d.days + d.hours / 24 + d.minutes / 1440 + d.seconds / 86400;
}

function isRealDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** Parses a retention expression; the problem text says what is wrong without echoing free text. */
export function parseRetention(raw: string): RetentionParseResult {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (text === '') return { ok: false, problem: 'is empty; write a duration such as P2Y, "P2Y after account.closed", "until 2027-12-31", "policy:<id>", transient, session or "indefinite because <reason>"' };
  const lower = text.toLowerCase();
  if (lower === 'transient') return { ok: true, expression: { kind: 'transient' } };
  if (lower === 'session') return { ok: true, expression: { kind: 'session' } };
  if (lower === 'indefinite' || lower.startsWith('indefinite ')) {
    const rest = text.slice('indefinite'.length).trim();
    if (!/^because\b/i.test(rest)) return { ok: false, problem: 'says indefinite without a reason; write "indefinite because <reason>"' };
    const hasReason = rest.slice('because'.length).trim().length > 0;
    if (!hasReason) return { ok: false, problem: 'says "indefinite because" but gives no reason' };
    return { ok: true, expression: { kind: 'indefinite', hasReason } };
  }
  if (lower.startsWith('until')) {
    const date = text.slice('until'.length).trim();
    if (!isRealDate(date)) return { ok: false, problem: 'has an "until" date that is not a calendar date in YYYY-MM-DD form' };
    return { ok: true, expression: { kind: 'until', date } };
  }
  if (lower.startsWith('policy:')) {
    const policy = text.slice('policy:'.length).trim();
    if (!ID.test(policy)) return { ok: false, problem: 'names a policy that is not a valid id (policy:<id>, e.g. policy:account)' };
    return { ok: true, expression: { kind: 'policy', policy } };
  }
  const parts = text.split(' ');
  const first = parts[0] ?? '';
  const duration = parseIsoDuration(first.toUpperCase() === first ? first : first.toUpperCase());
  if (!duration) return { ok: false, problem: 'is not a valid retention expression; durations are ISO 8601 (P30D, P2Y, PT12H)' };
  if (first !== first.toUpperCase()) return { ok: false, problem: `writes the duration in lower case; ISO 8601 durations are upper case (${first.toUpperCase()})` };
  if (parts.length === 1) return { ok: true, expression: { kind: 'duration', duration } };
  if (parts[1]?.toLowerCase() !== 'after' || parts.length !== 3) return { ok: false, problem: 'is not "<duration>" or "<duration> after <event>"' };
  const event = parts[2] ?? '';
  if (!ID.test(event)) return { ok: false, problem: 'counts from an event that is not a valid id (e.g. account.closed)' };
  return { ok: true, expression: { kind: 'duration', duration, after: event } };
}

/** Normalises a duration written in lower case (p2y → P2Y); undefined when it is not a duration. */
export function canonicalDuration(text: string): string | undefined {
  const upper = text.trim().toUpperCase();
  return parseIsoDuration(upper) ? upper : undefined;
}
