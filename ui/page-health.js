// Health: the service's status, its components (/health/components), its workers and queue, and the sandbox.

import { get } from './api.js';
import { card, facts, h, pill, replace } from './dom.js';
import { count, when } from './format.js';

/** Renders the health page, refreshed every 5 s while shown. */
export async function renderHealth(main, signal) {
  const body = h('div', null, h('p', { class: 'muted' }, 'Loading…'));
  replace(main, h('h1', null, 'Health'), body);
  while (!signal.aborted) {
    const [health, components, queue] = await Promise.all([get('/health', signal), get('/health/components', signal), get('/health/queue', signal)]);
    replace(body,
      h('div', { class: 'cards' },
        card('Service', pill(health.status), { id: 'service-status' }),
        card('Workers (this process)', count(queue.workers), { id: 'worker-count' }),
        card('Queue depth', count(queue.queue_depth), { id: 'queue-depth' }),
        card('Running', count(queue.running_executions)),
        card('Sandbox', h('span', null, pill(components.sandbox), ' ', components.sandbox_mode || ''), { id: 'sandbox-state' })),
      components.sandbox_reason
        ? h('div', { class: 'panel', id: 'sandbox-reason' }, h('h2', null, 'What the sandbox lacks'), h('p', null, components.sandbox_reason))
        : null,
      h('div', { class: 'panel' }, h('h2', null, 'Components (checked now)'), facts([
        ['Overall', pill(components.status)],
        ['Database', components.database === 'connected' ? pill('connected') : h('span', null, pill('error'), ' ', components.database)],
        ['Queue', queue.queue === 'redis' ? 'Redis stream' : 'in-process'],
        ['Redis', pill(components.redis)],
        ['nova-rag', pill(components.rag_service)],
        ['E2B', pill(components.e2b)],
        components.e2b_template_id ? ['E2B template', components.e2b_template_id] : null,
      ])),
      h('div', { class: 'panel' }, h('h2', null, 'Background check (every 5 s)'), facts([
        ['Redis', pill(health.redis)],
        ['nova-rag', pill(health.rag_service)],
        ['Checked at', when(health.checked_at)],
      ])),
    );
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
}
