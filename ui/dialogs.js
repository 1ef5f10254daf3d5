// The confirmation dialog (a <dialog> of the page, never window.confirm).

/** Asks before a destructive action; resolves true when confirmed. */
export function confirmAction(title, text, okLabel = 'Delete') {
  const dialog = document.getElementById('confirm-dialog');
  const form = document.getElementById('confirm-form');
  document.getElementById('confirm-title').textContent = title;
  document.getElementById('confirm-text').textContent = text;
  document.getElementById('confirm-ok').textContent = okLabel;
  const keep = document.getElementById('confirm-cancel');
  return new Promise((resolve) => {
    const finish = (answer) => {
      form.removeEventListener('submit', ok);
      keep.removeEventListener('click', no);
      dialog.removeEventListener('close', no);
      if (dialog.open) dialog.close();
      resolve(answer);
    };
    const ok = (event) => {
      event.preventDefault();
      finish(true);
    };
    const no = () => finish(false);
    form.addEventListener('submit', ok);
    keep.addEventListener('click', no);
    dialog.addEventListener('close', no);
    dialog.showModal();
  });
}
