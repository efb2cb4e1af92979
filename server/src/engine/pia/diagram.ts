// The data-flow diagram for threat modelling: collection points → records → stores, logs, browser
// storage and recipients, inside three trust boundaries (our service, the browser, third parties);
// drawn as Mermaid for PIA.md and exported as an Open Threat Model (OTM 0.2.0) file.
import type { PiaFacts } from './facts';

export type TrustZone = 'service' | 'browser' | 'third-party';

export interface DiagramNode {
  readonly id: string;
  readonly label: string;
  readonly zone: TrustZone;
  readonly kind: 'collection-point' | 'record' | 'store' | 'log' | 'browser-storage' | 'url' | 'recipient' | 'code';
}

export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  /** Categories carried, most common first. */
  readonly label: string;
}

export interface Diagram {
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
}

const MAX_RECORDS = 40;

/** A node id safe for Mermaid and OTM: letters, digits, dashes. */
function nodeId(prefix: string, name: string): string {
  return `${prefix}-${name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

export function buildDiagram(facts: PiaFacts): Diagram {
  const nodes = new Map<string, DiagramNode>();
  const edges = new Map<string, Set<string>>();
  const node = (n: DiagramNode): string => {
    if (!nodes.has(n.id)) nodes.set(n.id, n);
    return n.id;
  };
  const edge = (from: string, to: string, category: string): void => {
    const key = `${from}\u0000${to}`;
    const set = edges.get(key) ?? new Set<string>();
    set.add(category);
    edges.set(key, set);
  };
  const records = facts.records.slice(0, MAX_RECORDS);
  const recordNode = (container: string): string | undefined => {
    const record = records.find((r) => r.container.name === container);
    return record ? node({ id: nodeId('record', record.container.name), label: record.container.name, zone: 'service', kind: 'record' }) : undefined;
  };
  for (const point of facts.input.collectionPoints) {
    const from = node({ id: nodeId('in', point.id), label: `${point.method ? `${point.method} ` : ''}${point.handler}`, zone: point.kind === 'form' ? 'browser' : 'service', kind: 'collection-point' });
    for (const id of point.elementIds) {
      const element = facts.declarable.find((e) => e.id === id);
      const to = element ? recordNode(element.container) : undefined;
      if (element && to) edge(from, to, element.classification.categories[0] ?? 'other');
    }
  }
  for (const store of facts.stores.filter((s) => s.kind === 'database')) {
    const to = node({ id: nodeId('store', store.id), label: store.label, zone: 'service', kind: 'store' });
    for (const record of records.filter((r) => r.container.role === 'stored')) {
      const from = recordNode(record.container.name);
      if (!from) continue;
      for (const element of record.elements) edge(from, to, element.classification.categories[0] ?? 'other');
    }
  }
  for (const flow of facts.input.flows) {
    const from = (flow.element && recordNode(flow.element.container)) ?? node({ id: 'code', label: 'Application code', zone: 'service', kind: 'code' });
    const category = flow.categories[0] ?? 'other';
    if (flow.sink.kind === 'log') edge(from, node({ id: 'logs', label: 'Logs', zone: 'service', kind: 'log' }), category);
    else if (flow.sink.kind === 'client-storage') edge(from, node({ id: 'browser-storage', label: 'Browser storage', zone: 'browser', kind: 'browser-storage' }), category);
    else if (flow.sink.kind === 'url') edge(from, node({ id: 'urls', label: 'URLs', zone: 'browser', kind: 'url' }), category);
    else if (flow.sink.thirdParty) edge(from, node({ id: nodeId('recipient', flow.sink.recipient), label: flow.sink.label, zone: 'third-party', kind: 'recipient' }), category);
  }
  return {
    nodes: [...nodes.values()],
    edges: [...edges.entries()].map(([key, categories]) => {
      const [from = '', to = ''] = key.split('\u0000');
      return { from, to, label: [...categories].sort().join(', ') };
    }),
  };
}

const ZONE_TITLES: Readonly<Record<TrustZone, string>> = { service: 'Our service', browser: 'Browser', 'third-party': 'Third parties' };

function mermaidLabel(text: string): string {
  return text.replace(/["<>`]/g, '').replace(/\|/g, '/');
}

/** A Mermaid flowchart (renders on GitHub and in the editor's preview). */
export function toMermaid(diagram: Diagram): string {
  const lines = ['flowchart LR'];
  for (const zone of ['browser', 'service', 'third-party'] as const) {
    const members = diagram.nodes.filter((n) => n.zone === zone);
    if (members.length === 0) continue;
    lines.push(`  subgraph zone-${zone}["${ZONE_TITLES[zone]}"]`);
    for (const n of members) {
      const label = mermaidLabel(n.label);
      const shape = n.kind === 'collection-point' ? `[/"${label}"/]` : n.kind === 'store' || n.kind === 'browser-storage' || n.kind === 'log' ? `[("${label}")]` : n.kind === 'recipient' ? `(["${label}"])` : `["${label}"]`;
      lines.push(`    ${n.id}${shape}`);
    }
    lines.push('  end');
  }
  for (const e of diagram.edges) lines.push(`  ${e.from} -->|"${mermaidLabel(e.label)}"| ${e.to}`);
  return lines.join('\n');
}

const TRUST_RATINGS: Readonly<Record<TrustZone, number>> = { service: 80, browser: 30, 'third-party': 50 };
const COMPONENT_TYPES: Readonly<Record<DiagramNode['kind'], string>> = {
  'collection-point': 'web-service',
  record: 'data-model',
  store: 'database',
  log: 'log-storage',
  'browser-storage': 'browser-storage',
  url: 'url',
  recipient: 'external-service',
  code: 'application',
};

/** The threat model as Open Threat Model 0.2.0 JSON, with the LINDDUN threats attached to their components. */
export function toOtm(name: string, diagram: Diagram, threats: readonly { id: string; category: string; title: string; status: string }[]): Record<string, unknown> {
  const projectId = name.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase() || 'project';
  return {
    otmVersion: '0.2.0',
    project: { name, id: projectId, description: 'Data-flow diagram and LINDDUN candidate threats generated by Privacy Steward from the code.' },
    representations: [{ name: 'Privacy Steward code analysis', id: 'privacy-steward', type: 'code' }],
    trustZones: (['service', 'browser', 'third-party'] as const).map((zone) => ({ id: `zone-${zone}`, name: ZONE_TITLES[zone], risk: { trustRating: TRUST_RATINGS[zone] } })),
    components: diagram.nodes.map((n) => ({ id: n.id, name: n.label, type: COMPONENT_TYPES[n.kind], parent: { trustZone: `zone-${n.zone}` }, tags: [n.kind] })),
    dataflows: diagram.edges.map((e, i) => ({ id: `flow-${i + 1}`, name: e.label, source: e.from, destination: e.to, bidirectional: false, tags: e.label.split(', ') })),
    threats: threats.map((t) => ({ id: t.id, name: t.title, categories: [t.category], description: `LINDDUN ${t.category} (${t.status})`, risk: { likelihood: 50, impact: 50 } })),
    mitigations: [],
  };
}
