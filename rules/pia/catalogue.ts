// The privacy impact assessment's question catalogue (rules/pia/questions.json), typed: sections,
// questions with a stable id, a mode (auto, assisted, human), references, an audience and whether
// an open answer blocks sign-off. Data only; the engine answers the auto and assisted ones.
import data from './questions.json';

export type PiaSectionId = 'screening' | 'description' | 'necessity' | 'risks' | 'measures' | 'incident' | 'signoff';

/** `auto`: answered from the code; `assisted`: a draft from the code that a person confirms; `human`: a person answers. */
export type PiaMode = 'auto' | 'assisted' | 'human';

export interface PiaSection {
  readonly id: PiaSectionId;
  readonly title: string;
  readonly intro: string;
}

export interface PiaQuestion {
  readonly id: string;
  readonly section: PiaSectionId;
  readonly mode: PiaMode;
  /** Who answers it: the product team, developers or the data protection officer. */
  readonly audience: 'product' | 'developer' | 'dpo';
  readonly blocksSignOff: boolean;
  /** GDPR articles, EDPB guidance, LINDDUN categories. */
  readonly references: readonly string[];
  readonly text: string;
}

const catalogue = data as { sections: PiaSection[]; questions: PiaQuestion[] };

export const PIA_SECTIONS: readonly PiaSection[] = catalogue.sections;
export const PIA_QUESTIONS: readonly PiaQuestion[] = catalogue.questions;

/** LINDDUN threat categories, in the methodology's order. */
export const LINDDUN_CATEGORIES = {
  linking: 'Linking',
  identifying: 'Identifying',
  'non-repudiation': 'Non-repudiation',
  detecting: 'Detecting',
  'data-disclosure': 'Data disclosure',
  unawareness: 'Unawareness',
  'non-compliance': 'Non-compliance',
} as const;

export type LinddunCategory = keyof typeof LINDDUN_CATEGORIES;
