// The assessment's data-flow diagram drawn as inline SVG for the webview (no script library, no
// remote resources): nodes in four columns — where data enters, records, stores, destinations —
// coloured by trust zone (our service, the browser, third parties), edges labelled by category.
import type { Diagram } from '../../server/src/lsp/protocol';

type DiagramNode = Diagram['nodes'][number];

const COLUMN_OF: Readonly<Record<string, number>> = { 'collection-point': 0, record: 1, code: 1, store: 2, log: 2, 'browser-storage': 3, url: 3, recipient: 3 };
const WIDTH = 190;
const HEIGHT = 34;
const GAP_X = 90;
const GAP_Y = 14;
const TOP = 30;

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function diagramSvg(diagram: Diagram): string {
  if (diagram.nodes.length === 0) return '';
  const columns: DiagramNode[][] = [[], [], [], []];
  for (const node of diagram.nodes) columns[COLUMN_OF[node.kind] ?? 1]?.push(node);
  const position = new Map<string, { x: number; y: number }>();
  columns.forEach((nodes, c) => nodes.forEach((node, r) => position.set(node.id, { x: c * (WIDTH + GAP_X) + 10, y: TOP + r * (HEIGHT + GAP_Y) })));
  const rows = Math.max(...columns.map((c) => c.length));
  const width = 4 * WIDTH + 3 * GAP_X + 20;
  const height = TOP + rows * (HEIGHT + GAP_Y) + 10;
  const titles = ['Where data enters', 'Records', 'Stores and logs', 'Browser and third parties'].map((t, c) => `<text class="column" x="${c * (WIDTH + GAP_X) + 10}" y="16">${t}</text>`);
  const edges = diagram.edges.flatMap((edge) => {
    const from = position.get(edge.from);
    const to = position.get(edge.to);
    if (!from || !to) return [];
    const x1 = from.x + WIDTH;
    const y1 = from.y + HEIGHT / 2;
    const x2 = to.x;
    const y2 = to.y + HEIGHT / 2;
    const mid = (x1 + x2) / 2;
    return [`<path class="edge" d="M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}"><title>${escape(edge.label)}</title></path>`];
  });
  const nodes = diagram.nodes.map((node) => {
    const at = position.get(node.id) ?? { x: 0, y: 0 };
    const label = node.label.length > 26 ? `${node.label.slice(0, 25)}…` : node.label;
    return `<g class="node ${node.zone}"><rect x="${at.x}" y="${at.y}" width="${WIDTH}" height="${HEIGHT}" rx="6"></rect><text x="${at.x + 8}" y="${at.y + 21}">${escape(label)}</text><title>${escape(`${node.label} (${node.zone})`)}</title></g>`;
  });
  return `<svg id="diagram" class="diagram" role="img" aria-label="Data-flow diagram" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${titles.join('')}${edges.join('')}${nodes.join('')}</svg>
<p class="legend"><span class="key service">our service</span> <span class="key browser">browser</span> <span class="key third-party">third party</span> · hover an arrow for the categories it carries</p>`;
}
