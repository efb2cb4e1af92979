// defineRule(): the one way to declare a rule. It keeps the message ids typed and checks the
// metadata when the module loads, so a malformed rule fails at start-up rather than mid-scan.
import type { RuleModule } from './api';

const RULE_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export function defineRule<MessageId extends string>(rule: RuleModule<MessageId>): RuleModule<MessageId> {
  const { meta } = rule;
  if (!RULE_ID.test(meta.id)) throw new Error(`rule id "${meta.id}" must be kebab-case`);
  if (!meta.summary.endsWith('.')) throw new Error(`rule ${meta.id}: the summary must be one sentence ending with a period`);
  for (const [id, text] of Object.entries<string>(meta.messages)) {
    if (text.trim().length === 0) throw new Error(`rule ${meta.id}: message ${id} is empty`);
  }
  return rule;
}
