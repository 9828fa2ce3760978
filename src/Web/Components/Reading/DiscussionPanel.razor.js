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

  const onFocusIn = (event) => {
    if (!phone.matches || !isOpen() || !(event.target instanceof Element)) return;
    if (event.target.closest('article.article')) dotnet.invokeMethodAsync('LeftAsync');
  };

  panel.addEventListener('keydown', onKeyDown);
  document.addEventListener('focusin', onFocusIn);

  return {
    opened(focusInside) {
      if (!phone.matches) return;
      const active = document.activeElement;
      returnTo = active && active !== document.body && !panel.contains(active) ? active : null;
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
    // Waits (briefly) for an element the server is drawing, then brings it into view and focuses it.
    async focus(id) {
      for (let tries = 0; tries < 60; tries++) {
        const element = document.getElementById(id);
        if (element && element.getClientRects().length > 0) {
          element.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
          element.focus({ preventScroll: true });
          return;
        }
        await new Promise(resolve => requestAnimationFrame(resolve));
      }
    },
    detach() {
      panel.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('focusin', onFocusIn);
    },
  };
}
