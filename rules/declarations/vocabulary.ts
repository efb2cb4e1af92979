// The closed vocabularies of tag values other than categories, purposes and retention:
// data sources (@source) and the built-in data subjects (@subject).

export const DATA_SOURCES = ['provided', 'observed', 'derived', 'third-party', 'public'] as const;
export type DataSource = (typeof DATA_SOURCES)[number];

export function isDataSource(value: string): value is DataSource {
  return (DATA_SOURCES as readonly string[]).includes(value);
}

/** Data subjects every workspace knows; the manifest's vocabulary.subjects adds more. */
export const BUILT_IN_SUBJECTS = [
  'customer',
  'user',
  'visitor',
  'employee',
  'contractor',
  'applicant',
  'patient',
  'child',
  'student',
  'member',
  'guest',
  'subscriber',
  'contact',
  'supplier-contact',
] as const;

/** Tags that belong on functions, not on fields or types. */
export const FUNCTION_TAGS = new Set(['erases', 'consent']);

/** Every privacy tag name; other tags (@param, @deprecated…) are ignored. */
export const PRIVACY_TAG_NAMES = new Set(['personal', 'notPersonal', 'purpose', 'retention', 'basis', 'subject', 'source', 'erases', 'consent']);
