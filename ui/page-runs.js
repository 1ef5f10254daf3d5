// Runs: executions newest first, filtered by status and workflow on the server, 50 a page. Pages follow the last id
// shown (before_id), which costs the server the same on any page of any number of runs, and leave final contexts out
// (include_result=false). The page refreshes itself every 2 s while a run it shows is pending or running.

import { get } from './api.js';
import { h, pill, replace, table } from './dom.js';
import { runDuration, seconds, when } from './format.js';

const pageSize = 50;
const statuses = ['pending', 'running', 'completed', 'failed', 'cancelled'];

function link(params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const text = query.toString();
  return `#/runs${text ? `?${text}` : ''}`;
}

/** Renders the run list for `query` (status, workflow_id, before: the id the page starts below). */
export async function renderRuns(main, query, signal) {
  const status = statuses.includes(query.get('status')) ? query.get('status') : '';
  const workflowID = /^\d+$/.test(query.get('workflow_id') || '') ? query.get('workflow_id') : '';
  const before = /^\d+$/.test(query.get('before') || '') ? query.get('before') : '';
  const statusSelect = h('select', { id: 'status-filter', 'aria-label': 'Status' },
    h('option', { value: '' }, 'Any status'), statuses.map((name) => h('option', { value: name }, name)));
  statusSelect.value = status;
  const workflowSelect = h('select', { id: 'workflow-filter', 'aria-label': 'Workflow' }, h('option', { value: '' }, 'Any workflow'));
  const results = h('div', { id: 'runs' }, h('p', { class: 'muted' }, 'Loading…'));
  replace(main, h('div', { class: 'row spread' }, h('h1', null, 'Runs'), h('div', { class: 'row' }, statusSelect, workflowSelect)),
    h('div', { class: 'panel' }, results));
  const go = () => {
    location.hash = link({ status: statusSelect.value, workflow_id: workflowSelect.value });
  };
  statusSelect.addEventListener('change', go);
  workflowSelect.addEventListener('change', go);

  const names = new Map();
  const filters = `${status ? `&status=${status}` : ''}${workflowID ? `&workflow_id=${workflowID}` : ''}`;
  const cursor = before ? `&before_id=${before}` : '';
  const load = () => get(`/executions?limit=${pageSize}&include_result=false${filters}${cursor}`, signal);
  const [list, workflows] = await Promise.all([load(), get('/workflows?limit=1000', signal)]);
  for (const workflow of workflows.workflows) {
    names.set(workflow.id, workflow.name);
    workflowSelect.append(h('option', { value: String(workflow.id) }, workflow.name));
  }
  workflowSelect.value = workflowID;
  show(results, list, names, { status, workflowID, before });
  performance.mark('nova-runs-rendered');

  let active = list.executions.some((execution) => execution.status === 'pending' || execution.status === 'running');
  while (active && !signal.aborted) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    if (signal.aborted) return;
    const fresh = await load();
    show(results, fresh, names, { status, workflowID, before });
    active = fresh.executions.some((execution) => execution.status === 'pending' || execution.status === 'running');
  }
}

function show(results, list, names, filter) {
  const last = list.executions[list.executions.length - 1];
  const rows = list.executions.map((execution) => {
    const row = h('tr', { 'data-execution-id': execution.id, 'data-status': execution.status },
      h('td', null, h('a', { href: `#/runs/${execution.id}` }, `#${execution.id}`)),
      h('td', { class: 'name' }, h('a', { href: `#/workflows/${execution.workflow_id}` }, names.get(execution.workflow_id) ?? `workflow ${execution.workflow_id}`)),
      h('td', null, pill(execution.status)),
      h('td', { class: 'hide-narrow' }, when(execution.started_at ?? execution.created_at)),
      h('td', { class: 'num' }, seconds(runDuration(execution))));
    return row;
  });
  replace(
    results,
    rows.length
      ? table(['Run', 'Workflow', 'Status', { text: 'Started', props: { class: 'hide-narrow' } }, { text: 'Duration', props: { class: 'num' } }], rows,
        { id: 'runs-table' })
      : h('p', { class: 'muted' }, 'No runs match.'),
    h('div', { class: 'pager' },
      filter.before ? h('a', { class: 'button quiet', href: link({ status: filter.status, workflow_id: filter.workflowID }) }, '⇤ Newest') : null,
      filter.before ? h('button', { type: 'button', class: 'quiet', onclick: () => history.back() }, '← Newer') : null,
      h('span', { class: 'muted', id: 'runs-total' }, `${list.total.toLocaleString('en-US')} runs${filter.before ? ` · older than #${filter.before}` : ''}`),
      last && list.executions.length === pageSize
        ? h('a', { class: 'button quiet', id: 'runs-older', href: link({ status: filter.status, workflow_id: filter.workflowID, before: last.id }) }, 'Older →')
        : null),
  );
}
