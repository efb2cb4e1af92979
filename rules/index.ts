// The rule registry: every rule, sorted by id. Adapters pass this list to the engine; adding a rule
// means one import and one entry here (the meta-test checks it).
import type { RuleModule } from './api';

export const RULES: readonly RuleModule[] = [];
