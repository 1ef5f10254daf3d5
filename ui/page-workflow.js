// A workflow: its graph coloured by the last run, Run with an initial-context editor, edit and delete, recent runs.

import { del, get, post, put } from './api.js';
import { confirmAction } from './dialogs.js';
import { facts, h, notice, pill, replace, table } from './dom.js';
import { drawGraph, runOverlay } from './graph.js';
import { runDuration, seconds, when } from './format.js';

/** Renders workflow `id`. */
export async function renderWorkflow(main, id, signal) {
  replace(main, h('p', { class: 'muted' }, 'Loading…'));
  const [workflow, recent] = await Promise.all([
    get(`/workflows/${id}`, signal),
    get(`/executions?workflow_id=${id}&limit=10&include_result=false`, signal),
  ]);
  const last = recent.executions[0];
  const chain = last ? await get(`/executions/${last.id}/chain`, signal) : { entries: [] };
  const overlay = runOverlay(chain.entries);
  const graph = workflow.graph_definition || {};

  const title = h('h1', { id: 'workflow-name' }, workflow.name);
  const description = h('p', { id: 'workflow-description', class: 'muted' }, workflow.description || 'No description.');
  const status = h('div');
  const runButton = h('button', { type: 'button', id: 'run-workflow' }, 'Run…');
  const editButton = h('button', { type: 'button', class: 'quiet', id: 'edit-workflow' }, 'Edit');
  const deleteButton = h('button', { type: 'button', class: 'danger', id: 'delete-workflow' }, 'Delete');
  const editor = h('div');
  const runner = h('div');

  replace(
    main,
    h('div', { class: 'row spread' }, h('div', null, title, description), h('div', { class: 'row' }, runButton, editButton, deleteButton)),
    status, editor, runner,
    h('div', { class: 'panel' },
      h('div', { class: 'row spread' }, h('h2', null, 'Graph'),
        last ? h('span', { class: 'muted' }, 'Colours: run ', h('a', { href: `#/runs/${last.id}` }, `#${last.id}`), ' ', pill(last.status))
          : h('span', { class: 'muted' }, 'Not run yet')),
      h('div', { class: 'graph-wrap', id: 'workflow-graph' }, drawGraph(graph, overlay.statuses, overlay.taken)),
      h('div', { class: 'legend' }, h('span', { class: 'l-success' }, 'succeeded'), h('span', { class: 'l-failed' }, 'failed'),
        h('span', { class: 'l-running' }, 'running'), h('span', { class: 'l-none' }, 'not reached'))),
    h('div', { class: 'panel' }, h('h2', null, 'Recent runs'), recentRuns(recent)),
    h('div', { class: 'panel' }, facts([
      ['Id', String(workflow.id)], ['Nodes', String(graph.nodes?.length ?? 0)], ['Edges', String(graph.edges?.length ?? 0)],
      ['Created', when(workflow.created_at)], ['Updated', when(workflow.updated_at)],
    ])),
  );

  editButton.addEventListener('click', () => showEditor(editor, workflow, title, description, status));
  runButton.addEventListener('click', () => showRunner(runner, workflow, status));
  deleteButton.addEventListener('click', async () => {
    const sure = await confirmAction('Delete workflow', `Delete "${workflow.name}" with all its runs and exact-cache entries? This cannot be undone.`);
    if (!sure) return;
    try {
      await del(`/workflows/${workflow.id}`);
      location.hash = '#/workflows';
    } catch (error) {
      replace(status, notice(error));
    }
  });
}

function recentRuns(recent) {
  if (!recent.executions.length) return h('p', { class: 'muted' }, 'No runs yet.');
  return table(['Run', 'Status', 'Created', 'Duration'], recent.executions.map((execution) => [
    h('a', { href: `#/runs/${execution.id}` }, `#${execution.id}`), pill(execution.status), when(execution.created_at),
    { value: seconds(runDuration(execution)), class: 'num' },
  ]));
}

function showEditor(container, workflow, title, description, status) {
  const name = h('input', { id: 'edit-name', value: workflow.name, required: true, maxlength: 255 });
  const text = h('textarea', { id: 'edit-description', rows: 3 });
  text.value = workflow.description || '';
  const problem = h('p', { class: 'error', hidden: true });
  const save = h('button', { type: 'submit' }, 'Save');
  const cancel = h('button', { type: 'button', class: 'quiet' }, 'Cancel');
  const form = h('form', { class: 'panel', id: 'edit-form' }, h('h2', null, 'Edit'), h('label', null, 'Name', name),
    h('label', null, 'Description', text), problem, h('div', { class: 'actions' }, cancel, save));
  cancel.addEventListener('click', () => replace(container));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!name.value.trim()) {
      problem.textContent = 'The name cannot be empty.';
      problem.hidden = false;
      return;
    }
    save.disabled = true;
    try {
      const updated = await put(`/workflows/${workflow.id}`, { name: name.value.trim(), description: text.value || null });
      Object.assign(workflow, updated);
      title.textContent = updated.name;
      description.textContent = updated.description || 'No description.';
      replace(container);
      replace(status);
    } catch (error) {
      problem.textContent = error.message;
      problem.hidden = false;
      save.disabled = false;
    }
  });
  replace(container, form);
  name.focus();
}

/**
 * The context editor: JSON checked (an object) before it is sent; then follows the task to its execution (in the
 * task's meta while it runs, in the task itself once finished) and opens the run's page.
 */
function showRunner(container, workflow, status) {
  const editor = h('textarea', { id: 'run-context', spellcheck: 'false', 'aria-label': 'Initial context (JSON object)' });
  editor.value = '{\n  \n}';
  const problem = h('p', { class: 'error', id: 'run-problem', hidden: true });
  const start = h('button', { type: 'submit', id: 'run-start' }, 'Run');
  const cancel = h('button', { type: 'button', class: 'quiet' }, 'Close');
  const form = h('form', { class: 'panel', id: 'run-form' }, h('h2', null, 'Run with an initial context'),
    h('p', { class: 'muted' }, 'A JSON object; its keys are the context the first node sees.'), editor, problem,
    h('div', { class: 'actions' }, cancel, start));
  const check = () => {
    try {
      const value = JSON.parse(editor.value);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('The context must be a JSON object ({…}).');
      problem.hidden = true;
      start.disabled = false;
      return value;
    } catch (error) {
      problem.textContent = error instanceof SyntaxError ? `Not valid JSON: ${error.message}` : error.message;
      problem.hidden = false;
      start.disabled = true;
      return null;
    }
  };
  editor.addEventListener('input', check);
  cancel.addEventListener('click', () => replace(container));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const context = check();
    if (!context) return;
    start.disabled = true;
    try {
      const accepted = await post(`/workflows/${workflow.id}/execute`, { initial_context: context });
      replace(status, h('p', { class: 'muted' }, `Queued as task ${accepted.task_id}…`));
      for (let i = 0; i < 600; i += 1) {
        const task = await get(`/tasks/${encodeURIComponent(accepted.task_id)}`);
        const executionID = task.execution_id ?? task.meta?.execution_id;
        if (executionID) {
          location.hash = `#/runs/${executionID}`;
          return;
        }
        if (task.status === 'FAILURE' || task.status === 'REVOKED') throw new Error(task.error || `Task ${task.status}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    } catch (error) {
      replace(status, notice(error));
      start.disabled = false;
    }
  });
  replace(container, form);
  check();
  editor.focus();
}
