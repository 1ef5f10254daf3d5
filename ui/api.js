// Calls nova's JSON API on the page's own origin. When nova requires a key (NOVA_API_KEYS) the page asks for it
// once, keeps it in sessionStorage and sends it as an Authorization: Bearer header: never in a URL.

const storageKey = 'nova.apiKey';
let settings = null;
let pendingKey = null;

/** An answer other than 2xx, with nova's error message. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** Whether nova requires a key, read once from /ui/settings.json (static, no data, no key needed). */
export async function loadSettings() {
  if (!settings) {
    const response = await fetch('/ui/settings.json', { cache: 'no-store' });
    settings = await response.json();
  }
  return settings;
}

/** The stored key, or null. */
export function storedKey() {
  return sessionStorage.getItem(storageKey);
}

/** Forgets the stored key (the next call asks again). */
export function forgetKey() {
  sessionStorage.removeItem(storageKey);
}

/** Asks for the key in the key dialog; concurrent callers share one dialog. */
export function askForKey(problem) {
  if (!pendingKey) {
    pendingKey = new Promise((resolve) => {
      const dialog = document.getElementById('key-dialog');
      const form = document.getElementById('key-form');
      const input = document.getElementById('key-input');
      const message = document.getElementById('key-problem');
      message.textContent = problem || '';
      message.hidden = !problem;
      input.value = '';
      const submit = (event) => {
        event.preventDefault();
        const key = input.value.trim();
        if (!key) return;
        form.removeEventListener('submit', submit);
        sessionStorage.setItem(storageKey, key);
        dialog.close();
        pendingKey = null;
        resolve(key);
      };
      form.addEventListener('submit', submit);
      dialog.addEventListener('cancel', (event) => event.preventDefault());
      dialog.showModal();
      input.focus();
    });
  }
  return pendingKey;
}

/** Sends one request; a 401 asks for the key (again) and retries. Resolves with the parsed JSON, or null for 204. */
export async function api(method, path, body, signal) {
  const { api_key_required: keyRequired } = await loadSettings();
  for (let attempt = 0; ; attempt += 1) {
    const headers = { Accept: 'application/json' };
    let key = storedKey();
    if (keyRequired && !key) key = await askForKey('');
    if (key) headers.Authorization = `Bearer ${key}`;
    const init = { method, headers, signal, cache: 'no-store', credentials: 'same-origin' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    if (response.status === 401 && attempt < 5) {
      forgetKey();
      await askForKey('That key was refused: enter a key from NOVA_API_KEYS.');
      continue;
    }
    if (response.status === 204) return null;
    const text = await response.text();
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      throw new ApiError(response.status, `${response.status}: not JSON`);
    }
    if (!response.ok) throw new ApiError(response.status, errorMessage(data) || `HTTP ${response.status}`);
    return data;
  }
}

/** nova's error envelope ({error}) or a validation answer ({detail: [...]}) as one line. */
function errorMessage(data) {
  if (!data) return '';
  if (typeof data.error === 'string') return data.error;
  if (typeof data.detail === 'string') return data.detail;
  if (Array.isArray(data.detail)) return data.detail.map((item) => `${(item.loc || []).join('.')}: ${item.msg}`).join('; ');
  return '';
}

export const get = (path, signal) => api('GET', path, undefined, signal);
export const post = (path, body, signal) => api('POST', path, body, signal);
export const put = (path, body, signal) => api('PUT', path, body, signal);
export const del = (path, signal) => api('DELETE', path, undefined, signal);
