// The discussion as a panel over the text on a phone (app.css: under 600 px). Remembers where focus was when the
// panel opened and gives it back on closing; Escape in the panel closes it; focus or a tap in the text (the reader
// went back to it, e.g. Enter on a thread) lets the panel get out of the way. On wider screens it only moves focus
// to new cards and replies.

const phone = window.matchMedia('(max-width: 599.98px)');

export function attach(panel, dotnet) {
  let returnTo = null;
  const toggle = () => panel.parentElement?.querySelector('.discussion-toggle');
  const isOpen = () => panel.classList.contains('open');

  const onKeyDown = (event) => {
    if (event.key !== 'Escape' || event.defaultPrevented || !phone.matches || !isOpen()) return;
    // A popover or dialog of the panel's own (a menu, a select) closes first.
    if (document.querySelector('.mud-dialog-container, .mud-popover-open:not(.mud-tooltip)')) return;
    event.preventDefault();
    dotnet.invokeMethodAsync('CloseAsync');
  };

  // The last thing focused outside the panel: where the reader was when it opened, though a card inside may have taken
  // focus before the panel heard that it opened (a highlight reveals its thread at once).
  let lastOutside = null;
  const onFocusIn = (event) => {
    if (!(event.target instanceof Element) || panel.contains(event.target)) return;
    lastOutside = event.target;
    if (phone.matches && isOpen() && event.target.closest('article.article')) dotnet.invokeMethodAsync('LeftAsync');
  };

  panel.addEventListener('keydown', onKeyDown);
  document.addEventListener('focusin', onFocusIn);

  return {
    opened(focusInside) {
      if (!phone.matches) return;
      const active = document.activeElement;
      returnTo = active && panel.contains(active) ? lastOutside : active !== document.body ? active : null;
      panel.scrollTop = 0;
      if (focusInside) panel.querySelector('.discussion-panel-close')?.focus();
    },
    closed(restoreFocus) {
      const target = returnTo;
      returnTo = null;
      if (!restoreFocus || !phone.matches) return;
      // What opened it may be gone (the Annotate button goes with the selection): then the button that opens it.
      (target?.isConnected && target.getClientRects().length > 0 ? target : toggle())?.focus();
    },
    // Waits (briefly) for an element the server is drawing, then brings it into view and focuses it. A closing dialog
    // (the confirmation of a deletion) gives focus back to what opened it: that is let happen first.
    async focus(id) {
      const frame = () => new Promise(resolve => requestAnimationFrame(resolve));
      for (let tries = 0; tries < 60 && document.querySelector('.mud-dialog-container'); tries++) await frame();
      await frame();
      for (let tries = 0; tries < 60; tries++) {
        const element = document.getElementById(id);
        if (element && element.getClientRects().length > 0) {
          element.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
          element.focus({ preventScroll: true });
          return;
        }
        await frame();
      }
    },
    detach() {
      panel.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('focusin', onFocusIn);
    },
  };
}
