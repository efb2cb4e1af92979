// LINDDUN candidate threats from code evidence: each signal the code shows (an identifier sent to
// analytics, personal data in logs, special-category records, undeclared recipients, missing
// retention…) becomes one threat with its evidence and the question a person must answer.
import type { DataFlow } from '../../../../rules/api';
import type { LinddunCategory } from '../../../../rules/pia/catalogue';
import type { PiaEvidence, PiaFacts } from './facts';

export interface ThreatCandidate {
  /** Stable: category, signal and what it is about (`linking:identifier-to-third-party:segment`). */
  readonly id: string;
  readonly category: LinddunCategory;
  readonly title: string;
  readonly evidence: readonly PiaEvidence[];
}

const QUESTION = 'Does this matter here? If it does, which measure addresses it; if not, why not?';
export const THREAT_QUESTION = QUESTION;

function names(flows: readonly DataFlow[]): string {
  const unique = [...new Set(flows.map((f) => f.element?.id ?? f.valueName))];
  return unique.length > 6 ? `${unique.slice(0, 6).join(', ')} and ${unique.length - 6} more` : unique.join(', ');
}

export function findThreats(facts: PiaFacts): ThreatCandidate[] {
  const threats: ThreatCandidate[] = [];
  const flows = facts.input.flows;
  const add = (category: LinddunCategory, signal: string, about: string, title: string, evidence: readonly PiaEvidence[]): void => {
    if (evidence.length > 0) threats.push({ id: `${category}:${signal}:${about}`, category, title, evidence });
  };
  const byRecipient = new Map<string, DataFlow[]>();
  for (const flow of flows) if (flow.sink.thirdParty) byRecipient.set(flow.sink.recipient, [...(byRecipient.get(flow.sink.recipient) ?? []), flow]);

  // Linking: persistent identifiers handed to third parties let them join records across services.
  for (const [recipient, list] of byRecipient) {
    const identifiers = list.filter((f) => f.categories.some((c) => c.startsWith('identifier.') || c === 'contact.email'));
    add('linking', 'identifier-to-third-party', recipient, `${list[0]?.sink.label} receives identifiers (${names(identifiers)}) that can link a person's records across services.`, identifiers.map(facts.flowEvidence));
  }
  // Identifying: personal data in logs and URLs identifies people to whoever reads them.
  const logged = flows.filter((f) => f.sink.kind === 'log');
  add('identifying', 'personal-data-in-logs', 'logs', `Logs hold personal data (${names(logged)}): anyone who reads the logs can identify people.`, logged.map(facts.flowEvidence));
  const inUrls = flows.filter((f) => f.sink.kind === 'url');
  add('identifying', 'personal-data-in-urls', 'urls', `URLs carry personal data (${names(inUrls)}), copied into access logs, history and Referer headers.`, inUrls.map(facts.flowEvidence));
  // Identifying: quasi-identifiers kept together re-identify "anonymous" records.
  for (const record of facts.records) {
    const quasi = record.elements.filter((e) => ['location', 'demographic', 'contact.address'].includes(e.classification.categories[0] ?? ''));
    if (quasi.length >= 2) add('identifying', 'quasi-identifiers', record.container.name, `${record.container.name} combines ${quasi.map((e) => e.field).join(', ')}: together they can single a person out even without a name.`, quasi.map(facts.evidenceOf));
  }
  // Non-repudiation: records of a person's own actions attribute behaviour to them.
  for (const record of facts.records) {
    const activity = record.elements.filter((e) => e.classification.categories[0] === 'behavior.activity');
    if (activity.length > 0) add('non-repudiation', 'activity-records', record.container.name, `${record.container.name} records what a person did (${activity.map((e) => e.field).join(', ')}): they cannot deny it, and it can be used against them.`, activity.map(facts.evidenceOf));
  }
  // Detecting: the mere existence of a record can reveal a special category.
  for (const record of facts.records) {
    const special = record.elements.filter((e) => e.classification.categories.some((c) => facts.input.taxonomy.isSpecial(c) || facts.input.taxonomy.isCriminal(c)));
    if (special.length > 0) add('detecting', 'special-category-record', record.container.name, `That a ${record.container.name} exists for someone already reveals ${[...new Set(special.map((e) => e.classification.categories[0]))].join(', ')}.`, special.map(facts.evidenceOf));
  }
  // Data disclosure: undeclared recipients, browser storage, credentials.
  for (const recipient of facts.recipients.filter((r) => !r.declared && r.flows.length > 0)) {
    add('data-disclosure', 'undeclared-recipient', recipient.id, `${recipient.label} receives personal data (${names(recipient.flows)}) without being declared as a recipient.`, recipient.flows.map(facts.flowEvidence));
  }
  const stored = flows.filter((f) => f.sink.kind === 'client-storage');
  add('data-disclosure', 'browser-storage', 'browser', `Browser storage holds personal data (${names(stored)}), readable by any script on the page.`, stored.map(facts.flowEvidence));
  const llm = flows.filter((f) => f.sink.kind === 'llm');
  add('data-disclosure', 'llm-prompts', 'llm', `Personal data goes into prompts of ${[...new Set(llm.map((f) => f.sink.label))].join(', ')} (${names(llm)}), where it may be kept or used for training.`, llm.map(facts.flowEvidence));
  // Unawareness: people cannot know what is done with data collected without a purpose.
  const undeclaredCollected = facts.input.collectionPoints.flatMap((p) => p.elementIds).filter((id) => facts.declarable.some((e) => e.id === id && e.declared.purposes.length === 0));
  add('unawareness', 'collected-without-purpose', 'collection', `Data is collected with no declared purpose (${[...new Set(undeclaredCollected)].slice(0, 8).join(', ')}): the privacy notice cannot tell people why.`, [...new Set(undeclaredCollected)].map((id) => ({ what: id })));
  const publicWithoutBasis = facts.findingsOf('public-data-without-basis');
  add('unawareness', 'public-data', 'public', 'Publicly available data about people is collected; they rarely expect it to be copied.', publicWithoutBasis.map((f) => ({ what: f.elementId ?? f.ruleId, file: f.file, line: f.line })));
  // Non-compliance: retention and erasure gaps.
  const retention = ['missing-retention', 'indefinite-retention', 'retention-exceeds-limit', 'inconsistent-retention'].flatMap((id) => facts.findingsOf(id));
  add('non-compliance', 'retention', 'retention', `${retention.length} retention problems: data kept without a limit, longer than allowed, or longer in one copy than another.`, retention.map((f) => ({ what: `${f.ruleId} ${f.elementId ?? ''}`, file: f.file, line: f.line })));
  const erasure = facts.findingsOf('missing-erasure');
  add('non-compliance', 'erasure', 'erasure', `${erasure.length} stored records no erasure function covers: an erasure request would leave them behind.`, erasure.map((f) => ({ what: `missing-erasure ${f.message.split(' ')[0]}`, file: f.file, line: f.line })));
  return threats;
}
