// Builds the page from DOM nodes: every value goes in as text (textContent or an attribute), never as HTML.

const svgNamespace = 'http://www.w3.org/2000/svg';

/** Appends children: nodes as they are, anything else as a text node; null, undefined and false are skipped. */
export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

function apply(element, props) {
  for (const [name, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    else if (name === 'value' || name === 'checked' || name === 'disabled' || name === 'hidden' || name === 'open') element[name] = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
}

/** An HTML element: `h('a', {href: '#/runs'}, 'Runs')`. */
export function h(tag, props, ...children) {
  const element = document.createElement(tag);
  apply(element, props);
  return append(element, children);
}

/** An SVG element. */
export function s(tag, props, ...children) {
  const element = document.createElementNS(svgNamespace, tag);
  apply(element, props);
  return append(element, children);
}

/** Replaces the children of `parent`. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/** A status pill. */
export function pill(status) {
  const text = String(status ?? 'unknown');
  return h('span', { class: `pill ${text.replace(/[^a-z_]/gi, '')}`, 'data-status': text }, text);
}

/** A table with a header row; `rows` are arrays of cells (a cell is a node, text, or {value, class}). */
export function table(headers, rows, props) {
  const head = h('tr', null, headers.map((header) => (typeof header === 'string' ? h('th', null, header) : h('th', header.props, header.text))));
  const body = rows.map((row) => (row instanceof Node ? row : h('tr', null, row.map(cell))));
  return h('div', { class: 'table-wrap' }, h('table', props, h('thead', null, head), h('tbody', null, body)));
}

function cell(content) {
  if (content && typeof content === 'object' && !(content instanceof Node) && 'value' in content) {
    return h('td', { class: content.class }, content.value);
  }
  return h('td', null, content);
}

/** A figure card. */
export function card(label, value, props) {
  return h('div', { class: 'card', ...props }, h('div', { class: 'label' }, label), h('div', { class: 'value' }, value));
}

/** A definition list from [term, value] pairs. */
export function facts(pairs) {
  return h('dl', { class: 'kv' }, pairs.filter(Boolean).map(([term, value]) => [h('dt', null, term), h('dd', null, value)]));
}

/** A notice for a failed load or action. */
export function notice(error) {
  return h('div', { class: 'notice', role: 'alert' }, error instanceof Error ? error.message : String(error));
}
