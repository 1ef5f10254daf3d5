// Code cache: where prompt nodes' code came from (totals and per day), what the caches saved, and the exact-cache
// and nova-rag entries of a workflow, each deletable. nova-rag is reached through nova (/cache/semantic/...), so
// the browser never holds RAG_API_KEY.

import { del, get } from './api.js';
import { sourceChart } from './chart.js';
import { confirmAction } from './dialogs.js';
import { card, h, notice, replace, table } from './dom.js';
import { count, percent, usd, when } from './format.js';

const sourceNames = { exact_hit: 'exact hit', semantic_hit: 'semantic hit', generated: 'generated', failed: 'failed' };

/** Renders the cache page; `query.workflow_id` selects the workflow whose entries are listed. */
export async function renderCache(main, query, signal) {
  const workflowID = /^\d+$/.test(query.get('workflow_id') || '') ? query.get('workflow_id') : '';
  const picker = h('select', { id: 'cache-workflow', 'aria-label': 'Workflow' }, h('option', { value: '' }, 'All workflows'));
  const figures = h('div', { class: 'cards', id: 'cache-figures' });
  const sources = h('div');
  const history = h('div', { id: 'cache-history' }, h('p', { class: 'muted' }, 'Loading…'));
  const exact = h('div', { id: 'exact-entries' }, h('p', { class: 'muted' }, 'Loading…'));
  const semantic = h('div', { id: 'semantic-entries' });
  const problem = h('div');
  replace(main, h('div', { class: 'row spread' }, h('h1', null, 'Code cache'), picker), problem, figures,
    h('div', { class: 'panel' }, h('h2', null, 'Prompt nodes by code source'), sources),
    h('div', { class: 'panel' }, h('h2', null, 'Per day (UTC), last 30 days'), history),
    h('div', { class: 'panel' }, h('h2', null, 'Exact-cache entries'), exact),
    h('div', { class: 'panel' }, h('h2', null, 'nova-rag entries (semantic cache)'), semantic));
  picker.addEventListener('change', () => {
    location.hash = picker.value ? `#/cache?workflow_id=${picker.value}` : '#/cache';
  });

  const [stats, daily, workflows, components] = await Promise.all([
    get('/cache/stats', signal), get('/cache/code-sources/daily?days=30', signal), get('/workflows?limit=1000', signal),
    get('/health/components', signal),
  ]);
  for (const workflow of workflows.workflows) picker.append(h('option', { value: String(workflow.id) }, workflow.name));
  picker.value = workflowID;
  showFigures(figures, stats);
  showSources(sources, stats.code_sources);
  replace(history, daily.days.length ? sourceChart(daily.days) : h('p', { class: 'muted' }, 'No prompt node has run in the last 30 days.'));
  await showExact(exact, workflowID, problem, signal);
  if (!workflowID) {
    replace(semantic, h('p', { class: 'muted' }, 'nova-rag keeps entries per workflow: choose a workflow above.'));
  } else if (components.rag_service !== 'configured') {
    replace(semantic, h('p', { class: 'muted' }, 'RAG_SERVICE_URL is not set: this nova has no semantic cache.'));
  } else {
    await showSemantic(semantic, workflowID, problem, signal);
  }
}

function showFigures(figures, stats) {
  const sources = stats.code_sources;
  replace(figures,
    card('Prompt nodes run', count(sources?.total_prompt_nodes ?? 0)),
    card('Cache hit rate', percent(sources?.hit_rate ?? 0), { id: 'hit-rate' }),
    card('Generations avoided', count(sources?.generations_avoided ?? 0), { id: 'generations-avoided' }),
    card('Tokens spent', count(sources?.tokens_spent ?? 0)),
    card('Money spent', usd(sources?.cost_spent_usd ?? 0)),
    card('Tokens saved', count(sources?.tokens_saved ?? 0)),
    card('Money saved', usd(sources?.cost_saved_usd ?? 0)),
    card('Exact entries', count(stats.total_cached_codes)),
    card('Exact hits served', count(stats.total_cache_hits)));
}

function showSources(container, sources) {
  const bySource = sources?.by_source ?? {};
  const names = Object.keys(sourceNames).filter((name) => bySource[name]);
  if (!names.length) {
    replace(container, h('p', { class: 'muted' }, 'No prompt node has run yet.'));
    return;
  }
  replace(container, table(
    ['Source', { text: 'Nodes', props: { class: 'num' } }, { text: 'Share', props: { class: 'num' } }, { text: 'Tokens spent', props: { class: 'num' } },
      { text: 'Spent', props: { class: 'num' } }, { text: 'Tokens saved', props: { class: 'num' } }, { text: 'Saved', props: { class: 'num' } }],
    names.map((name) => {
      const figures = bySource[name];
      return [h('span', { class: `badge ${name}` }, sourceNames[name]), { value: count(figures.nodes), class: 'num' }, { value: percent(figures.rate), class: 'num' },
        { value: count(figures.tokens_input + figures.tokens_output), class: 'num' }, { value: usd(figures.cost_usd), class: 'num' },
        { value: count(figures.tokens_saved), class: 'num' }, { value: usd(figures.cost_saved_usd), class: 'num' }];
    }), { id: 'source-table' }));
}

async function showExact(container, workflowID, problem, signal) {
  const page = await get(`/cache/entries?limit=200${workflowID ? `&workflow_id=${workflowID}` : ''}`, signal);
  if (!page.entries.length) {
    replace(container, h('p', { class: 'muted' }, 'No exact-cache entries.'));
    return;
  }
  replace(container, table(
    ['Node', 'Workflow', 'Model', { text: 'Reused', props: { class: 'num' } }, { text: 'Success', props: { class: 'num' } },
      { text: 'Saved', props: { class: 'num' } }, { text: 'Last used', props: { class: 'hide-narrow' } }, ''],
    page.entries.map((entry) => {
      const remove = h('button', { type: 'button', class: 'quiet', 'data-cache-key': entry.cache_key }, 'Delete');
      remove.addEventListener('click', async () => {
        const question = `Delete the cached code of node ${entry.node_id ?? '?'} (key ${entry.cache_key.slice(0, 12)}…, in every workflow that has this key)? `
          + 'The next run of the node takes its code from nova-rag or generates it again.';
        if (!(await confirmAction('Delete exact-cache entry', question))) return;
        try {
          await del(`/cache/entries/${encodeURIComponent(entry.cache_key)}`);
          await showExact(container, workflowID, problem, signal);
        } catch (error) {
          replace(problem, notice(error));
        }
      });
      return [{ value: entry.node_id ?? '—', class: 'name' }, entry.workflow_id ? h('a', { href: `#/workflows/${entry.workflow_id}` }, `#${entry.workflow_id}`) : '—',
        entry.model, { value: count(entry.times_reused), class: 'num' }, { value: percent(entry.success_rate), class: 'num' },
        { value: usd(entry.total_cost_saved_usd), class: 'num' }, { value: when(entry.last_used_at), class: 'hide-narrow' }, remove];
    }), { id: 'exact-table' }),
  page.total > page.entries.length ? h('p', { class: 'muted' }, `Showing ${page.entries.length} of ${page.total}.`) : null);
}

async function showSemantic(container, workflowID, problem, signal) {
  let page;
  try {
    page = await get(`/cache/semantic/entries?workflow_id=${workflowID}&limit=200`, signal);
  } catch (error) {
    replace(container, notice(error));
    return;
  }
  if (!page.entries.length) {
    replace(container, h('p', { class: 'muted' }, 'nova-rag holds no entry for this workflow.'));
    return;
  }
  replace(container, table(
    ['Node', 'Prompt', { text: 'Uses', props: { class: 'num' } }, { text: 'Success', props: { class: 'num' } }, { text: 'Last used', props: { class: 'hide-narrow' } }, 'Origin', ''],
    page.entries.map((entry) => {
      const meta = entry.metadata || {};
      const successes = meta.success_count ?? 0;
      const failures = meta.failure_count ?? 0;
      const uses = successes + failures;
      const remove = h('button', { type: 'button', class: 'quiet', 'data-entry-id': entry.id }, 'Delete');
      remove.addEventListener('click', async () => {
        if (!(await confirmAction('Delete nova-rag entry', `Delete the semantic-cache entry of ${entry.node_action}?`))) return;
        try {
          await del(`/cache/semantic/entries/${encodeURIComponent(entry.id)}`);
          await showSemantic(container, workflowID, problem, signal);
        } catch (error) {
          replace(problem, notice(error));
        }
      });
      return [{ value: entry.node_action, class: 'name' }, { value: meta.ai_description ?? entry.node_description, class: 'name' },
        { value: count(uses), class: 'num' }, { value: uses ? percent(successes / uses) : '—', class: 'num' },
        { value: when(meta.last_used_at ?? meta.created_at), class: 'hide-narrow' }, String(meta.source ?? 'saved'), remove];
    }), { id: 'semantic-table' }),
  page.total > page.entries.length ? h('p', { class: 'muted' }, `Showing ${page.entries.length} of ${page.total}.`) : null);
}
