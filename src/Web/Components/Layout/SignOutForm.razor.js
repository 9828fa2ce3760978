// A shared computer must not show the next person what someone left unposted (a teacher's half-written
// feedback): signing out removes every draft this browser keeps. Drafts live in localStorage under
// keys starting with "annotate:draft:" (Components/Threads/Drafts.cs).
const draftPrefix = 'annotate:draft:';

function clearDrafts() {
  try {
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const key = localStorage.key(i);
      if (key !== null && key.startsWith(draftPrefix)) localStorage.removeItem(key);
    }
  } catch {
    // Storage is blocked: then no draft was kept either.
  }
}

// As the sign-out form is sent (capture: before anything else handles it, whenever the form was drawn).
document.addEventListener('submit', event => {
  if (event.target instanceof HTMLFormElement && event.target.matches('form.sign-out-form')) clearDrafts();
}, true);

// On the page a sign-out lands on: once more, then take the marker out of the address.
const address = new URL(window.location.href);
if (address.searchParams.has('signedout')) {
  clearDrafts();
  address.searchParams.delete('signedout');
  history.replaceState(history.state, '', address.pathname + address.search + address.hash);
}
