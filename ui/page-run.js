// A run: its facts, Cancel while it runs, the graph with the path taken, and the timeline of the chain of work
// (one row per executed node, with its agent steps from the same answer). While the run is pending or running the
// page reads the execution and its chain every second (two requests, however many steps) and shows the node in flight.

import { get, post } from './api.js';
import { facts, h, notice, pill, replace } from './dom.js';
import { canonical, count, preview, pythonBlock, runDuration, seconds, sourceBadge, usage, usd, when } from './format.js';
import { drawGraph, nodeInFlight, runOverlay } from './graph.js';

const pollMilliseconds = 1000;

/** Renders run `id` and keeps it current until it finishes or the page changes. */
export async function renderRun(main, id, signal) {
  replace(main, h('p', { class: 'muted' }, 'Loading…'));
  let [execution, chain] = await Promise.all([get(`/executions/${id}`, signal), get(`/executions/${id}/chain`, signal)]);
  const workflow = await get(`/workflows/${execution.workflow_id}`, signal);
  const graph = workflow.graph_definition || {};

  const header = h('div');
  const actions = h('div', { class: 'row' });
  const problem = h('div');
  const graphBox = h('div', { class: 'graph-wrap', id: 'run-graph' });
  const timeline = h('ol', { class: 'timeline', id: 'timeline' });
  replace(main,
    h('div', { class: 'row spread' },
      h('h1', null, `Run #${id} · `, h('a', { href: `#/workflows/${workflow.id}` }, workflow.name)), actions),
    problem, h('div', { class: 'panel' }, header),
    h('div', { class: 'panel' }, h('h2', null, 'Timeline'), timeline),
    h('details', { class: 'panel' }, h('summary', null, 'Graph'), graphBox));

  const open = new Set();
  const render = () => {
    const finished = !['pending', 'running'].includes(execution.status);
    const inFlight = finished ? null : nodeInFlight(graph, chain.entries);
    renderHeader(header, execution, chain.entries);
    renderActions(actions, execution, problem, () => refresh());
    const overlay = runOverlay(chain.entries, inFlight);
    replace(graphBox, drawGraph(graph, overlay.statuses, overlay.taken));
    renderTimeline(timeline, chain.entries, inFlight, graph, open);
  };
  const refresh = async () => {
    [execution, chain] = await Promise.all([get(`/executions/${id}`, signal), get(`/executions/${id}/chain`, signal)]);
    render();
  };
  render();
  while (!signal.aborted && ['pending', 'running'].includes(execution.status)) {
    await new Promise((resolve) => setTimeout(resolve, pollMilliseconds));
    if (signal.aborted) return;
    await refresh();
  }
}

function renderHeader(header, execution, entries) {
  const totals = entries.reduce((sum, entry) => {
    const { tokens, cost } = usage(entry);
    return { tokens: sum.tokens + tokens, cost: sum.cost + (cost ?? 0) };
  }, { tokens: 0, cost: 0 });
  replace(header, facts([
    ['Status', h('span', { id: 'run-status' }, pill(execution.status), execution.cancel_requested && execution.status === 'running' ? ' cancelling…' : '')],
    ['Created', when(execution.created_at)],
    ['Started', when(execution.started_at)],
    ['Duration', seconds(runDuration(execution))],
    ['Steps', String(entries.length)],
    ['Tokens · cost', `${count(totals.tokens)} · ${usd(totals.cost)}`],
    execution.client_slug ? ['Client', execution.client_slug] : null,
    execution.task_id ? ['Task', h('code', null, execution.task_id)] : null,
    execution.error ? ['Error', h('pre', { class: 'wrap', id: 'run-error' }, execution.error)] : null,
    execution.result ? ['Result', h('details', null, h('summary', null, 'final context'), h('pre', { class: 'wrap' }, JSON.stringify(execution.result, null, 2)))] : null,
  ]));
}

function renderActions(actions, execution, problem, refresh) {
  const running = ['pending', 'running'].includes(execution.status);
  if (!running) {
    replace(actions);
    return;
  }
  const cancel = h('button', { type: 'button', class: 'danger', id: 'cancel-run', disabled: execution.cancel_requested }, execution.cancel_requested ? 'Cancelling…' : 'Cancel');
  cancel.addEventListener('click', async () => {
    cancel.disabled = true;
    try {
      await post(`/executions/${execution.id}/cancel`);
      await refresh();
    } catch (error) {
      replace(problem, notice(error));
    }
  });
  replace(actions, cancel);
}

/** Keys whose value differs (whatever the order of object keys) between the context before and after a node. */
function changedKeys(entry) {
  const before = entry.input_context && typeof entry.input_context === 'object' ? entry.input_context : {};
  const after = entry.output_result && typeof entry.output_result === 'object' ? entry.output_result : {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].sort().filter((key) => canonical(before[key]) !== canonical(after[key]))
    .map((key) => ({ key, before: before[key], after: after[key] }));
}

function tail(text, lines = 30) {
  const all = text.split('\n');
  return all.length > lines ? `… (${all.length - lines} earlier lines)\n${all.slice(-lines).join('\n')}` : text;
}

function renderTimeline(timeline, entries, inFlight, graph, open) {
  const rows = entries.map((entry, index) => {
    const changes = changedKeys(entry);
    const { tokens, cost } = usage(entry);
    const summary = h('summary', null,
      h('span', { class: 'muted mono' }, String(index + 1)),
      h('span', { class: 'node' }, entry.node_id),
      h('span', { class: 'kind' }, entry.node_type),
      pill(entry.status),
      sourceBadge(entry),
      h('span', { class: 'grow muted' }, entry.decision_result ? `→ ${entry.decision_result} → ${entry.path_taken ?? ''}` : changes.length ? `changed ${changes.map((c) => c.key).join(', ')}` : ''),
      tokens ? h('span', { class: 'muted' }, `${count(tokens)} tok · ${usd(cost)}`) : null,
      h('span', { class: 'mono' }, seconds(entry.execution_time)));
    const details = h('details', {
      class: `step ${entry.status}`, 'data-node-id': entry.node_id, 'data-source': entry.ai_metadata?.code_source ?? '', open: open.has(entry.id),
    }, summary);
    details.addEventListener('toggle', () => {
      if (details.open) {
        open.add(entry.id);
        if (details.childElementCount === 1) details.append(stepBody(entry, changes));
      } else open.delete(entry.id);
    });
    if (open.has(entry.id)) details.append(stepBody(entry, changes));
    return h('li', null, details);
  });
  if (inFlight) {
    const node = (graph.nodes || []).find((candidate) => candidate.id === inFlight);
    rows.push(h('li', null, h('div', { class: 'step running', id: 'in-flight', 'data-node-id': inFlight },
      h('div', { class: 'head' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', { class: 'node' }, inFlight),
        h('span', { class: 'kind' }, node?.type ?? ''), pill('running')))));
  }
  if (!rows.length) rows.push(h('li', { class: 'muted' }, 'No step has run yet.'));
  replace(timeline, rows);
}

function stepBody(entry, changes) {
  const meta = entry.ai_metadata || {};
  const body = h('div', { class: 'body' });
  if (entry.error_message) body.append(h('h3', null, 'Error'), h('pre', { class: 'wrap error-text' }, tail(entry.error_message)));
  if (changes.length) {
    body.append(h('h3', null, 'Context keys changed'), h('div', { class: 'table-wrap' }, h('table', { class: 'changes' },
      h('tbody', null, changes.map((change) => h('tr', null, h('td', null, change.key), h('td', null, preview(change.before)),
        h('td', null, '→'), h('td', null, preview(change.after))))))));
  }
  if (entry.code_executed) body.append(h('h3', null, entry.node_type === 'action' && meta.code_source ? 'Code that ran' : 'Code'), pythonBlock(entry.code_executed));
  const figures = [
    meta.code_source ? ['Code source', meta.code_source] : null,
    typeof meta.similarity_score === 'number' ? ['Similarity', meta.similarity_score.toFixed(4)] : null,
    meta.code_source === 'generated' ? ['Attempts', String(meta.attempts ?? 0)] : null,
    meta.model ? ['Model', String(meta.model)] : null,
    meta.timings ? ['Timings (ms)', Object.entries(meta.timings).map(([key, value]) => `${key.replace(/_ms$/, '')} ${Math.round(value)}`).join(' · ')] : null,
    typeof meta.generation_avoided?.tokens === 'number'
      ? ['Generation avoided', `${count(meta.generation_avoided.tokens)} tokens · ${usd(meta.generation_avoided.cost_usd)}`] : null,
    ['Recorded', when(entry.timestamp)],
  ];
  body.append(facts(figures));
  if (entry.steps?.length) {
    body.append(h('h3', null, 'Agent steps'), h('div', { class: 'table-wrap' }, h('table', null,
      h('thead', null, h('tr', null, ['#', 'Step', 'Agent', 'Attempt', 'Status', 'ms', 'Tokens', 'Cost'].map((name) => h('th', null, name)))),
      h('tbody', null, entry.steps.map((step) => [
        h('tr', null, h('td', null, String(step.step_number)), h('td', null, step.step_name), h('td', null, step.agent_name),
          h('td', null, String(step.attempt_number)), h('td', null, pill(step.status)), h('td', { class: 'num' }, String(Math.round(step.execution_time_ms))),
          h('td', { class: 'num' }, count((step.tokens_input ?? 0) + (step.tokens_output ?? 0))), h('td', { class: 'num' }, usd(step.cost_usd))),
        step.error_message ? h('tr', null, h('td', { colspan: 8 }, h('pre', { class: 'wrap' }, tail(step.error_message)))) : null,
      ])))));
  }
  return body;
}
