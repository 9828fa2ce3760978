// Brings a thread card into view and moves focus to it, after its highlight was clicked.
export function revealThread(threadId) {
    const card = document.getElementById(`thread-${threadId}`);
    if (!card) return;
    card.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    card.focus({ preventScroll: true });
}
