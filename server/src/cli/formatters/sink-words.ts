// What each kind of sink is called in the human-readable reports (text and markdown).
import type { SinkKind } from '../../../../rules/api';

const SINK_WORDS: Readonly<Partial<Record<SinkKind, string>>> = {
  log: 'logs',
  'error-tracker': 'error trackers',
  analytics: 'analytics',
  ads: 'ads',
  llm: 'LLM APIs',
  email: 'email',
  sms: 'SMS',
  'client-storage': 'browser storage',
  url: 'URLs',
  http: 'HTTP',
  'third-party': 'third parties',
};

export function sinkWord(kind: SinkKind): string {
  return SINK_WORDS[kind] ?? kind;
}
