// Formatting of times, durations, money and code sources, and a small Python highlighter that builds spans.

import { h } from './dom.js';

/** A Date from nova's naive-UTC or ISO-8601 text, or null. */
export function parseTime(text) {
  if (!text) return null;
  const iso = /[zZ]|[+-]\d\d:\d\d$/.test(text) ? text : `${text}Z`;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Local date and time, e.g. `2026-03-01 14:02:03`. */
export function when(text) {
  const date = parseTime(text);
  if (!date) return '—';
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** Seconds as `840 ms`, `3.2 s` or `4 min 10 s`. */
export function seconds(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (value < 1) return `${Math.round(value * 1000)} ms`;
  if (value < 60) return `${value.toFixed(value < 10 ? 2 : 1)} s`;
  return `${Math.floor(value / 60)} min ${Math.round(value % 60)} s`;
}

/** The duration of an execution: completed − started, or now − started while running. */
export function runDuration(execution, now = Date.now()) {
  const started = parseTime(execution.started_at);
  if (!started) return null;
  const ended = parseTime(execution.completed_at);
  return ((ended ? ended.getTime() : now) - started.getTime()) / 1000;
}

/** USD with enough digits for fractions of a cent. */
export function usd(value) {
  if (value === null || value === undefined) return '—';
  if (value === 0) return '$0';
  return value < 0.01 ? `$${value.toFixed(5)}` : `$${value.toFixed(2)}`;
}

/** A count with thousands separators. */
export function count(value) {
  return typeof value === 'number' && Number.isFinite(value) ? value.toLocaleString('en-US') : '—';
}

/** JSON text with object keys sorted, so two values compare equal whatever their key order. */
export function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** A share in [0, 1] as a percentage. */
export function percent(value) {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`;
}

/** The code-source badge of a chain entry: exact, semantic with similarity, generated with attempts, or code. */
export function sourceBadge(entry) {
  const meta = entry.ai_metadata || {};
  const source = meta.code_source;
  if (source === 'exact_hit') return h('span', { class: 'badge exact_hit', 'data-source': 'exact_hit' }, 'exact hit');
  if (source === 'semantic_hit') {
    const similarity = typeof meta.similarity_score === 'number' ? ` ${meta.similarity_score.toFixed(3)}` : '';
    return h('span', { class: 'badge semantic_hit', 'data-source': 'semantic_hit' }, `semantic${similarity}`);
  }
  if (source === 'generated') {
    const attempts = meta.attempts ?? 0;
    return h('span', { class: 'badge generated', 'data-source': 'generated' }, `generated · ${attempts} attempt${attempts === 1 ? '' : 's'}`);
  }
  if (entry.node_type === 'start' || entry.node_type === 'end') return h('span', { class: 'badge none', 'data-source': 'none' }, entry.node_type);
  if (entry.code_executed) return h('span', { class: 'badge code', 'data-source': 'code' }, 'code');
  return h('span', { class: 'badge none', 'data-source': 'none' }, '—');
}

/** Tokens (in + out) and cost of a chain entry, from its metadata or else its steps. */
export function usage(entry) {
  const meta = entry.ai_metadata || {};
  let tokens = (meta.tokens_input ?? 0) + (meta.tokens_output ?? 0);
  let cost = meta.cost_usd ?? null;
  if (!tokens && entry.steps?.length) {
    tokens = entry.steps.reduce((sum, step) => sum + (step.tokens_input ?? 0) + (step.tokens_output ?? 0), 0);
    const costs = entry.steps.map((step) => step.cost_usd).filter((value) => typeof value === 'number');
    if (costs.length) cost = costs.reduce((a, b) => a + b, 0);
  }
  return { tokens, cost };
}

/** A JSON value as short text for a table cell. */
export function preview(value, limit = 160) {
  if (value === undefined) return '∅';
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value);
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}

const pythonToken = new RegExp(
  [
    '(#[^\\n]*)',
    '("""[\\s\\S]*?"""|\'\'\'[\\s\\S]*?\'\'\'|"(?:\\\\.|[^"\\\\\\n])*"|\'(?:\\\\.|[^\'\\\\\\n])*\')',
    '\\b(and|as|assert|break|class|continue|def|del|elif|else|except|False|finally|for|from|global|if|import|in|is|lambda|None|nonlocal|not|or|pass|raise|return|True|try|while|with|yield)\\b',
    '\\b(\\d+(?:\\.\\d+)?)\\b',
  ].join('|'),
  'g',
);

/** Python source in a <pre>, keywords, strings, comments and numbers in spans (text nodes only). */
export function pythonBlock(code) {
  const block = h('pre', { class: 'code' });
  let last = 0;
  for (const match of code.matchAll(pythonToken)) {
    if (match.index > last) block.append(code.slice(last, match.index));
    const kind = match[1] ? 'comment' : match[2] ? 'string' : match[3] ? 'keyword' : 'number';
    block.append(h('span', { class: `hl-${kind}` }, match[0]));
    last = match.index + match[0].length;
  }
  block.append(code.slice(last));
  return block;
}
