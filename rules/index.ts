// The rule registry: every rule, sorted by id. Adapters pass this list to the engine; adding a rule
// means one import and one entry here (the meta-test checks it).
import type { RuleModule } from './api';
import indefiniteRetention from './indefinite-retention';
import invalidRetention from './invalid-retention';
import invalidTag from './invalid-tag';
import missingPurpose from './missing-purpose';
import missingRetention from './missing-retention';
import publicDataWithoutBasis from './public-data-without-basis';
import retentionExceedsLimit from './retention-exceeds-limit';
import specialCategoryWithoutBasis from './special-category-without-basis';
import unknownPurpose from './unknown-purpose';

export const RULES: readonly RuleModule[] = [
  indefiniteRetention,
  invalidRetention,
  invalidTag,
  missingPurpose,
  missingRetention,
  publicDataWithoutBasis,
  retentionExceedsLimit,
  specialCategoryWithoutBasis,
  unknownPurpose,
];
