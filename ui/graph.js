// Draws a workflow graph as SVG: nodes in layers from the start node (longest path), shapes by kind, edges with
// the branch labels of decision nodes, and each node coloured by its status in a run.

import { s } from './dom.js';

const nodeWidth = 176;
const nodeHeight = 50;
const columnGap = 34;
const rowGap = 64;
const margin = 24;

/** Layers by longest path from the start, ignoring edges that close a cycle; nodes the start does not reach go last. */
function layers(nodes, edges) {
  const outgoing = new Map(nodes.map((node) => [node.id, []]));
  for (const edge of edges) outgoing.get(edge.from)?.push(edge.to);
  const start = nodes.find((node) => node.type === 'start') ?? nodes[0];
  const rank = new Map();
  const backEdges = new Set();
  const state = new Map();
  const order = [];
  const visit = (id) => {
    state.set(id, 'open');
    for (const next of outgoing.get(id) ?? []) {
      if (state.get(next) === 'open') backEdges.add(`${id}->${next}`);
      else if (!state.has(next)) visit(next);
    }
    state.set(id, 'done');
    order.push(id);
  };
  if (start) visit(start.id);
  for (const node of nodes) if (!state.has(node.id)) visit(node.id);
  for (const id of order.reverse()) {
    if (!rank.has(id)) rank.set(id, 0);
    for (const next of outgoing.get(id) ?? []) {
      if (backEdges.has(`${id}->${next}`)) continue;
      rank.set(next, Math.max(rank.get(next) ?? 0, rank.get(id) + 1));
    }
  }
  const rows = [];
  for (const node of nodes) {
    const r = rank.get(node.id) ?? 0;
    (rows[r] ??= []).push(node.id);
  }
  return { rows: rows.filter(Boolean), backEdges };
}

/** Places nodes: each layer centred, ordered by the mean position of its parents. */
function place(nodes, edges) {
  const { rows, backEdges } = layers(nodes, edges);
  const parents = new Map(nodes.map((node) => [node.id, []]));
  for (const edge of edges) if (!backEdges.has(`${edge.from}->${edge.to}`)) parents.get(edge.to)?.push(edge.from);
  const widest = Math.max(...rows.map((row) => row.length), 1);
  const width = widest * nodeWidth + (widest - 1) * columnGap + 2 * margin;
  const positions = new Map();
  rows.forEach((row, index) => {
    if (index > 0) {
      const centre = (id) => {
        const xs = parents.get(id).map((parent) => positions.get(parent)?.x).filter((x) => x !== undefined);
        return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : width / 2;
      };
      row.sort((a, b) => centre(a) - centre(b));
    }
    const rowWidth = row.length * nodeWidth + (row.length - 1) * columnGap;
    row.forEach((id, column) => {
      positions.set(id, {
        x: (width - rowWidth) / 2 + column * (nodeWidth + columnGap) + nodeWidth / 2,
        y: margin + index * (nodeHeight + rowGap) + nodeHeight / 2,
      });
    });
  });
  return { positions, width, height: rows.length * (nodeHeight + rowGap) - rowGap + 2 * margin + 10, backEdges };
}

function shape(node) {
  const hw = nodeWidth / 2;
  const hh = nodeHeight / 2;
  if (node.type === 'start' || node.type === 'end') return s('ellipse', { cx: 0, cy: 0, rx: hw - 30, ry: hh });
  if (node.type === 'decision') {
    return s('polygon', { points: `${-hw},0 ${-hw + 22},${-hh} ${hw - 22},${-hh} ${hw},0 ${hw - 22},${hh} ${-hw + 22},${hh}` });
  }
  return s('rect', { x: -hw, y: -hh, width: nodeWidth, height: nodeHeight, rx: 8 });
}

function kindLabel(node) {
  if (node.type === 'action') return node.executor === 'cached' || (node.prompt && !node.code) ? 'prompt' : 'code';
  return node.type;
}

function shorten(text, limit) {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

/**
 * The SVG of `graph` ({nodes, edges}); `statuses` maps node id → success | failed | running, `taken` holds
 * `from->to` of the edges a run followed.
 */
export function drawGraph(graph, statuses = new Map(), taken = new Set()) {
  const nodes = Array.isArray(graph?.nodes) ? graph.nodes.filter((node) => node && typeof node.id === 'string') : [];
  const edges = Array.isArray(graph?.edges) ? graph.edges.filter((edge) => edge && edge.from && edge.to) : [];
  const { positions, width, height, backEdges } = place(nodes, edges);
  const svg = s('svg', {
    class: 'graph', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'Workflow graph',
  });
  svg.append(s('defs', null, s('marker', {
    id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse',
  }, s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow' }))));
  for (const edge of edges) {
    const from = positions.get(edge.from);
    const to = positions.get(edge.to);
    if (!from || !to) continue;
    const back = backEdges.has(`${edge.from}->${edge.to}`) || to.y <= from.y;
    let d;
    let labelX;
    let labelY;
    if (back) {
      const side = Math.max(from.x, to.x) + nodeWidth / 2 + 26;
      d = `M${from.x + nodeWidth / 2},${from.y} C${side},${from.y} ${side},${to.y} ${to.x + nodeWidth / 2},${to.y}`;
      labelX = side - 4;
      labelY = (from.y + to.y) / 2;
    } else {
      const y1 = from.y + nodeHeight / 2;
      const y2 = to.y - nodeHeight / 2;
      const bend = (y2 - y1) / 2;
      d = `M${from.x},${y1} C${from.x},${y1 + bend} ${to.x},${y2 - bend} ${to.x},${y2}`;
      labelX = (from.x + to.x) / 2 + (from.x === to.x ? 8 : 0);
      labelY = y1 + bend * 0.9;
    }
    const key = `${edge.from}->${edge.to}`;
    svg.append(s('path', { d, class: taken.has(key) ? 'edge taken' : 'edge', 'marker-end': 'url(#arrow)', 'data-edge': key }));
    if (edge.condition !== undefined && edge.condition !== null && edge.condition !== '') {
      svg.append(s('text', { x: labelX, y: labelY, class: 'branch', 'text-anchor': 'middle', 'data-branch': key }, String(edge.condition)));
    }
  }
  for (const node of nodes) {
    const at = positions.get(node.id);
    const status = statuses.get(node.id);
    const group = s('g', {
      class: ['node', `kind-${node.type}`, status ? `status-${status}` : ''],
      transform: `translate(${at.x},${at.y})`, 'data-node-id': node.id, 'data-status': status ?? 'none',
    });
    group.append(
      s('title', null, `${node.id} (${kindLabel(node)})${status ? `: ${status}` : ''}`),
      shape(node),
      s('text', { x: 0, y: -3, 'text-anchor': 'middle' }, shorten(node.id, 24)),
      s('text', { x: 0, y: 13, 'text-anchor': 'middle', class: 'kind' }, kindLabel(node)),
    );
    svg.append(group);
  }
  return svg;
}

/** Node statuses and followed edges of a run's chain entries; `inFlight` (a node id) is marked running. */
export function runOverlay(entries, inFlight) {
  const statuses = new Map();
  const taken = new Set();
  let previous = null;
  for (const entry of entries) {
    statuses.set(entry.node_id, entry.status === 'success' ? 'success' : 'failed');
    if (previous) taken.add(`${previous}->${entry.node_id}`);
    previous = entry.node_id;
  }
  if (inFlight) {
    statuses.set(inFlight, 'running');
    if (previous) taken.add(`${previous}->${inFlight}`);
  }
  return { statuses, taken };
}

/** The node a running execution is on: the successor of its last chain entry (by its path for a decision). */
export function nodeInFlight(graph, entries) {
  const nodes = graph?.nodes ?? [];
  const edges = graph?.edges ?? [];
  if (!entries.length) return nodes.find((node) => node.type === 'start')?.id ?? null;
  const last = entries[entries.length - 1];
  if (last.status !== 'success') return null;
  if (last.path_taken) return last.path_taken;
  const next = edges.filter((edge) => edge.from === last.node_id);
  return next.length === 1 ? next[0].to : null;
}
