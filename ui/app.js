// The dashboard's entry point: a hash router (#/workflows, #/workflows/7, #/runs, #/runs/42, #/cache, #/health)
// that renders one page at a time into <main> and stops the previous page's polling.

import { forgetKey, loadSettings, storedKey } from './api.js';
import { h, notice, replace } from './dom.js';
import { renderCache } from './page-cache.js';
import { renderHealth } from './page-health.js';
import { renderRun } from './page-run.js';
import { renderRuns } from './page-runs.js';
import { renderWorkflow } from './page-workflow.js';
import { renderWorkflows } from './page-workflows.js';

const routes = [
  [/^\/workflows\/(\d+)$/, 'workflows', (main, match, query, signal) => renderWorkflow(main, Number(match[1]), signal)],
  [/^\/workflows$/, 'workflows', (main, match, query, signal) => renderWorkflows(main, query, signal)],
  [/^\/runs\/(\d+)$/, 'runs', (main, match, query, signal) => renderRun(main, Number(match[1]), signal)],
  [/^\/runs$/, 'runs', (main, match, query, signal) => renderRuns(main, query, signal)],
  [/^\/cache$/, 'cache', (main, match, query, signal) => renderCache(main, query, signal)],
  [/^\/health$/, 'health', (main, match, query, signal) => renderHealth(main, signal)],
];

let current = null;

async function route() {
  current?.abort();
  const controller = new AbortController();
  current = controller;
  const [path, search] = (location.hash.replace(/^#/, '') || '/runs').split('?');
  const query = new URLSearchParams(search || '');
  const main = document.getElementById('main');
  const found = routes.find(([pattern]) => pattern.test(path));
  for (const link of document.querySelectorAll('#nav a')) {
    link.classList.toggle('current', Boolean(found) && link.dataset.section === found[1]);
  }
  if (!found) {
    replace(main, h('h1', null, 'Not found'), h('p', null, h('a', { href: '#/runs' }, 'Back to runs')));
    return;
  }
  try {
    await found[2](main, path.match(found[0]), query, controller.signal);
  } catch (error) {
    if (controller.signal.aborted || error.name === 'AbortError') return;
    main.append(notice(error));
  }
  const forget = document.getElementById('forget-key');
  forget.hidden = !storedKey();
}

async function start() {
  const settings = await loadSettings();
  const forget = document.getElementById('forget-key');
  forget.addEventListener('click', () => {
    forgetKey();
    location.reload();
  });
  forget.hidden = !settings.api_key_required || !storedKey();
  window.addEventListener('hashchange', route);
  await route();
}

start();
