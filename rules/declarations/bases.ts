// Lawful bases a @basis tag may name: GDPR Art. 6(1) bases, Art. 9(2) conditions for special
// categories (art9.*) and Art. 10 authorisations for criminal data (art10.*).

export const ART6_BASES = ['consent', 'contract', 'legal-obligation', 'vital-interests', 'public-task', 'legitimate-interests'] as const;

export const ART9_CONDITIONS = [
  'art9.explicit-consent',
  'art9.employment',
  'art9.vital-interests',
  'art9.nonprofit',
  'art9.made-public',
  'art9.legal-claims',
  'art9.public-interest',
  'art9.health-care',
  'art9.public-health',
  'art9.research',
] as const;

export const ART10_AUTHORISATIONS = ['art10.official-authority', 'art10.authorised-by-law'] as const;

export type Art6Basis = (typeof ART6_BASES)[number];
export type LawfulBasis = Art6Basis | (typeof ART9_CONDITIONS)[number] | (typeof ART10_AUTHORISATIONS)[number];

const ALL = new Set<string>([...ART6_BASES, ...ART9_CONDITIONS, ...ART10_AUTHORISATIONS]);

export function isLawfulBasis(value: string): value is LawfulBasis {
  return ALL.has(value);
}

export function isArt6Basis(value: string): value is Art6Basis {
  return (ART6_BASES as readonly string[]).includes(value);
}

export function isArt9Condition(value: string): boolean {
  return value.startsWith('art9.') && ALL.has(value);
}

export function isArt10Authorisation(value: string): boolean {
  return value.startsWith('art10.') && ALL.has(value);
}

/** Splits a @basis value (`consent, art9.explicit-consent`) into its entries. */
export function splitList(value: string): string[] {
  return value
    .split(/[,\s]+/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}
