// The reading page's keyboard shortcuts (listed in ReadingShortcuts.cs and the help dialog). Single keys never
// act while the reader types (a field, a comment box, anything contenteditable) or has a dialog open, nor with
// Ctrl, Alt or Meta held; they can be turned off (localStorage, the key below), which Enter is not: Enter acts
// only on the highlight or thread that has focus.

const storageKey = 'annotate:reading:shortcuts';
// The reader's choice on this page, when the browser's storage refused to keep it.
let choice = null;

export function enabled() {
    if (choice !== null) return choice;
    try {
        return localStorage.getItem(storageKey) !== 'off';
    } catch {
        return true;
    }
}

export function attach(dotnet) {
    let returnTo = null;

    const typing = (target) => target instanceof Element
        && (target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !== null);
    const inDialog = (target) => target instanceof Element && target.closest('[role=dialog], .mud-dialog-container') !== null;
    const article = () => document.querySelector('article.article');
    const focusedCard = () => document.activeElement?.closest?.('[role=article][aria-posinset]') ?? null;
    // Where j and k start from: the focused thread, else the selected one (its place in the list, from 1); 0 for none.
    function position() {
        const card = focusedCard() ?? document.querySelector('.threads [role=article].selected[aria-posinset]');
        return card ? Number(card.getAttribute('aria-posinset')) : 0;
    }

    // The highlight under the caret in the text (the caret is the selection's focus while the article has focus).
    function markAtCaret(text) {
        const node = document.getSelection()?.focusNode;
        const element = node?.nodeType === Node.ELEMENT_NODE ? node : node?.parentElement;
        const mark = element?.closest('mark[data-t]');
        return mark && text.contains(mark) ? mark : null;
    }

    // From a thread to its passage: the caret at the start of its first highlight, the text focused, the highlight flashing.
    function showInText(card) {
        const text = article();
        const key = card.dataset.key;
        if (!text || !key) return false;
        const marks = [...text.querySelectorAll(`mark[data-t~="${CSS.escape(key)}"]`)];
        if (marks.length === 0) return false;
        text.focus({ preventScroll: true });
        document.getSelection()?.collapse(marks[0].firstChild ?? marks[0], 0);
        marks[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
        for (const mark of marks) {
            mark.classList.remove('flash');
            void mark.offsetWidth; // restart the animation
            mark.classList.add('flash');
        }
        return true;
    }

    const onKeyDown = (event) => {
        if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return;
        if (typing(event.target) || inDialog(event.target)) return;
        if (event.key === 'Enter') {
            const text = article();
            if (text && event.target === text) {
                const mark = markAtCaret(text);
                if (!mark) return;
                event.preventDefault();
                dotnet.invokeMethodAsync('OpenThread', mark.dataset.t.split(' ')[0]);
            } else if (event.target.matches?.('[role=article][data-key]') && showInText(event.target)) {
                event.preventDefault();
            }
            return;
        }
        if (!enabled()) return;
        switch (event.key) {
            case 'j':
            case 'k':
                event.preventDefault();
                dotnet.invokeMethodAsync('Move', position(), event.key === 'j' ? 1 : -1);
                break;
            case 'a': {
                event.preventDefault();
                // The article reports a selection 120 ms after it last changed: one just made with Shift+arrows is
                // let through first, so that "a" acts on it rather than say nothing is selected.
                const selected = !(document.getSelection()?.isCollapsed ?? true);
                setTimeout(() => dotnet.invokeMethodAsync('Annotate'), selected ? 160 : 0);
                break;
            }
            case 'r': {
                const reply = focusedCard()?.querySelector('button[aria-keyshortcuts~="r"]');
                if (!reply) return;
                event.preventDefault();
                reply.click();
                break;
            }
            case '?':
                event.preventDefault();
                returnTo = document.activeElement;
                dotnet.invokeMethodAsync('ShowHelp');
                break;
        }
    };

    document.addEventListener('keydown', onKeyDown);

    return {
        // Before the help dialog opens from its button (the key remembers this itself).
        rememberFocus() {
            returnTo = document.activeElement;
        },
        // The dialog closed: focus goes back where it was, if that is still on the page.
        restoreFocus() {
            const target = returnTo;
            returnTo = null;
            if (target && target !== document.body && target.isConnected) target.focus({ preventScroll: true });
        },
        setEnabled(on) {
            choice = null;
            try {
                if (on) localStorage.removeItem(storageKey);
                else localStorage.setItem(storageKey, 'off');
            } catch {
                // Storage blocked: the setting holds for this page only.
                choice = on;
            }
        },
        enabled,
        detach() {
            document.removeEventListener('keydown', onKeyDown);
        },
    };
}
