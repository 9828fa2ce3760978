// The app bar's menu button on a phone (app.css shows it under 600 px): it opens and closes the panel of the bar's
// items (#app-bar-items), a disclosure (aria-expanded). Listening on the document, it works on the static account
// pages as on the live ones, and whatever Blazor draws again. Escape and a press outside close it; so does choosing
// an item (a link or a form's button), since the page then moves on.

function parts() {
  return { button: document.querySelector('.app-menu-button'), items: document.getElementById('app-bar-items') };
}

function setOpen(open, focusButton) {
  const { button, items } = parts();
  if (!button || !items) return;
  button.setAttribute('aria-expanded', open ? 'true' : 'false');
  if (open) items.setAttribute('data-open', '');
  else items.removeAttribute('data-open');
  if (open) items.querySelector('a[href], button:not([disabled])')?.focus();
  else if (focusButton) button.focus();
}

const isOpen = () => parts().items?.hasAttribute('data-open') ?? false;

document.addEventListener('click', event => {
  const target = event.target instanceof Element ? event.target : null;
  if (!target) return;
  if (target.closest('.app-menu-button')) {
    setOpen(!isOpen(), false);
    return;
  }
  if (!isOpen()) return;
  const { items } = parts();
  if (!items.contains(target)) setOpen(false, false);
  else if (target.closest('a[href], button[type=submit]')) setOpen(false, false);
});

document.addEventListener('keydown', event => {
  if (event.key !== 'Escape' || !isOpen() || event.defaultPrevented) return;
  event.preventDefault();
  setOpen(false, true);
});

// Focus that leaves the open panel by Tab (past its last item) closes it: nothing is left open behind the reader.
document.addEventListener('focusout', event => {
  const { button, items } = parts();
  if (!isOpen() || !items || !(event.relatedTarget instanceof Element)) return;
  if (!items.contains(event.relatedTarget) && event.relatedTarget !== button && items.contains(event.target)) setOpen(false, false);
});
