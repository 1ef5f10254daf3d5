// Workflows: every workflow (up to 1000, by id) with a search by name that filters as you type.

import { get } from './api.js';
import { h, replace, table } from './dom.js';
import { when } from './format.js';

function nodeCount(workflow) {
  return Array.isArray(workflow.graph_definition?.nodes) ? workflow.graph_definition.nodes.length : 0;
}

/** Renders the workflow list; `query.q` is the search text. */
export async function renderWorkflows(main, query, signal) {
  const search = h('input', { type: 'search', placeholder: 'Search by name', 'aria-label': 'Search workflows by name', value: query.get('q') || '' });
  const results = h('div', null, h('p', { class: 'muted' }, 'Loading…'));
  replace(main, h('div', { class: 'row spread' }, h('h1', null, 'Workflows'), search), h('div', { class: 'panel' }, results));
  const page = await get('/workflows?limit=1000', signal);
  const show = () => {
    const needle = search.value.trim().toLowerCase();
    const matching = page.workflows.filter((workflow) => workflow.name.toLowerCase().includes(needle));
    const rows = matching.map((workflow) => [
      { value: h('a', { href: `#/workflows/${workflow.id}`, 'data-workflow-id': workflow.id }, workflow.name), class: 'name' },
      { value: workflow.description ?? '', class: 'name hide-narrow' },
      { value: String(nodeCount(workflow)), class: 'num' },
      { value: when(workflow.updated_at), class: 'hide-narrow' },
      h('a', { href: `#/runs?workflow_id=${workflow.id}` }, 'runs'),
    ]);
    replace(
      results,
      matching.length
        ? table(['Name', { text: 'Description', props: { class: 'hide-narrow' } }, { text: 'Nodes', props: { class: 'num' } },
          { text: 'Updated', props: { class: 'hide-narrow' } }, ''], rows, { id: 'workflow-table' })
        : h('p', { class: 'muted' }, needle ? 'No workflow name contains that text.' : 'No workflows yet: create one with POST /workflows.'),
      page.total > page.workflows.length ? h('p', { class: 'muted' }, `Showing the first ${page.workflows.length} of ${page.total}.`) : null,
    );
  };
  search.addEventListener('input', () => {
    history.replaceState(null, '', `#/workflows${search.value ? `?q=${encodeURIComponent(search.value)}` : ''}`);
    show();
  });
  show();
}
