// A stacked bar chart in SVG: prompt nodes per day by code source.

import { h, s } from './dom.js';

const sources = ['exact_hit', 'semantic_hit', 'generated', 'failed'];
const labels = { exact_hit: 'exact', semantic_hit: 'semantic', generated: 'generated', failed: 'failed' };

/** The chart of `days` ([{day, stats: {by_source: {source: {nodes}}}}]), oldest first, with the hit rate of each day as text. */
export function sourceChart(days) {
  const width = Math.max(320, days.length * 34 + 60);
  const height = 190;
  const plot = { left: 40, top: 14, bottom: 40 };
  const totals = days.map((day) => sources.reduce((sum, source) => sum + (day.stats.by_source[source]?.nodes ?? 0), 0));
  const top = Math.max(1, ...totals);
  const scale = (height - plot.top - plot.bottom) / top;
  const svg = s('svg', { class: 'chart', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'Prompt nodes per day by code source' });
  svg.append(s('line', { class: 'axis', x1: plot.left, x2: width - 10, y1: height - plot.bottom, y2: height - plot.bottom }));
  svg.append(s('text', { x: plot.left - 6, y: plot.top + 4, 'text-anchor': 'end' }, String(top)));
  svg.append(s('text', { x: plot.left - 6, y: height - plot.bottom, 'text-anchor': 'end' }, '0'));
  days.forEach((day, index) => {
    const x = plot.left + 8 + index * 34;
    let y = height - plot.bottom;
    for (const source of sources) {
      const nodes = day.stats.by_source[source]?.nodes ?? 0;
      if (!nodes) continue;
      const barHeight = nodes * scale;
      y -= barHeight;
      svg.append(s('rect', { x, y, width: 24, height: barHeight, class: `bar-${source}` }, s('title', null, `${day.day}: ${nodes} ${labels[source]}`)));
    }
    const hits = (day.stats.by_source.exact_hit?.nodes ?? 0) + (day.stats.by_source.semantic_hit?.nodes ?? 0);
    const rate = totals[index] ? `${Math.round((hits / totals[index]) * 100)}%` : '';
    svg.append(s('text', { x: x + 12, y: height - plot.bottom + 14, 'text-anchor': 'middle' }, day.day.slice(5)));
    svg.append(s('text', { x: x + 12, y: height - plot.bottom + 28, 'text-anchor': 'middle' }, rate));
  });
  return h('div', null, h('div', { class: 'graph-wrap' }, svg),
    h('div', { class: 'legend' }, sources.map((source) => h('span', { class: `l-${source}` }, labels[source])),
      h('span', { class: 'muted' }, 'percentages: cache hit rate of the day')));
}
