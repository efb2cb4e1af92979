// The rule registry: every rule, sorted by id. Adapters pass this list to the engine; adding a rule
// means one import and one entry here (the meta-test checks it).
import type { RuleModule } from './api';
import inconsistentRetention from './inconsistent-retention';
import indefiniteRetention from './indefinite-retention';
import invalidRetention from './invalid-retention';
import invalidTag from './invalid-tag';
import missingErasure from './missing-erasure';
import missingPurpose from './missing-purpose';
import missingRetention from './missing-retention';
import personalDataInClientStorage from './personal-data-in-client-storage';
import personalDataInLog from './personal-data-in-log';
import personalDataInUrl from './personal-data-in-url';
import personalDataToThirdParty from './personal-data-to-third-party';
import publicDataWithoutBasis from './public-data-without-basis';
import purposeMismatch from './purpose-mismatch';
import retentionExceedsLimit from './retention-exceeds-limit';
import specialCategoryWithoutBasis from './special-category-without-basis';
import unknownPurpose from './unknown-purpose';
import unusedPersonalData from './unused-personal-data';

export const RULES: readonly RuleModule[] = [
  inconsistentRetention,
  indefiniteRetention,
  invalidRetention,
  invalidTag,
  missingErasure,
  missingPurpose,
  missingRetention,
  personalDataInClientStorage,
  personalDataInLog,
  personalDataInUrl,
  personalDataToThirdParty,
  publicDataWithoutBasis,
  purposeMismatch,
  retentionExceedsLimit,
  specialCategoryWithoutBasis,
  unknownPurpose,
  unusedPersonalData,
];
