// Tells the server which threads of the windowed list are in view, moves between thread cards with
// Page Down / Page Up (the ARIA feed pattern), and brings a card into view when the server asks.

export function attach(list, dotnet) {
    let last = '';
    let queued = false;

    const slots = () => [...list.querySelectorAll(':scope > .thread-slot')];

    // Where the view starts, in threads from the top of the list, and how many fit in it.
    function measure() {
        queued = false;
        if (!list.isConnected) return;
        const drawn = slots();
        // The part of the window the list can be seen through: the scrolling sidebar's, or the window's own.
        const scroller = scrollParent(list);
        const box = scroller?.getBoundingClientRect();
        const viewTop = Math.max(box?.top ?? 0, 0);
        const viewHeight = Math.max(0, Math.min(box?.bottom ?? window.innerHeight, window.innerHeight) - viewTop);
        let height = 0;
        if (drawn.length > 0) {
            const top = drawn[0].getBoundingClientRect().top;
            const bottom = drawn[drawn.length - 1].getBoundingClientRect().bottom;
            height = (bottom - top) / drawn.length;
        }
        if (!(height > 0)) return;
        // A drawn card at the top of the view knows its place exactly; in a spacer, count in estimated heights.
        const atTop = drawn.find(slot => slot.getBoundingClientRect().bottom > viewTop);
        const firstCard = atTop?.querySelector('[aria-posinset]');
        const first = atTop && atTop.getBoundingClientRect().top <= viewTop + height && firstCard
            ? Number(firstCard.getAttribute('aria-posinset')) - 1
            : Math.max(0, Math.floor((viewTop - list.getBoundingClientRect().top) / height));
        const visible = Math.ceil(viewHeight / height) + 1;
        const report = `${first} ${visible} ${Math.round(height / 10)}`;
        if (report === last) return;
        last = report;
        dotnet.invokeMethodAsync('OnViewport', first, visible, height);
    }

    const onScroll = () => {
        if (queued) return;
        queued = true;
        requestAnimationFrame(measure);
    };

    const onKeyDown = (event) => {
        if (event.key !== 'PageDown' && event.key !== 'PageUp') return;
        const card = event.target.closest?.('[role=article][aria-posinset]');
        if (!card || !list.contains(card)) return;
        event.preventDefault();
        const position = Number(card.getAttribute('aria-posinset')) + (event.key === 'PageDown' ? 1 : -1);
        const next = list.querySelector(`[role=article][aria-posinset="${position}"]`);
        if (next) {
            next.scrollIntoView({ block: 'nearest' });
            next.focus({ preventScroll: true });
        } else if (position >= 1 && position <= Number(card.getAttribute('aria-setsize'))) {
            dotnet.invokeMethodAsync('OnFocusIndex', position - 1);
        }
    };

    // Scroll events do not bubble; caught on the way down they tell of the sidebar's scrolling and the page's.
    document.addEventListener('scroll', onScroll, { capture: true, passive: true });
    window.addEventListener('resize', onScroll);
    list.addEventListener('keydown', onKeyDown);
    const resized = new ResizeObserver(onScroll);
    resized.observe(list);
    measure();

    return {
        // Waits (briefly) for a card the server is drawing, then scrolls to it and focuses it.
        async reveal(id) {
            for (let tries = 0; tries < 60; tries++) {
                const card = document.getElementById(id);
                if (card) {
                    card.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
                    card.focus({ preventScroll: true });
                    return;
                }
                await new Promise(resolve => requestAnimationFrame(resolve));
            }
        },
        detach() {
            document.removeEventListener('scroll', onScroll, { capture: true });
            window.removeEventListener('resize', onScroll);
            list.removeEventListener('keydown', onKeyDown);
            resized.disconnect();
        },
    };
}

// The nearest ancestor that scrolls (the sidebar on wide screens); null when the page itself scrolls.
function scrollParent(element) {
    for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
        const overflow = getComputedStyle(node).overflowY;
        if ((overflow === 'auto' || overflow === 'scroll') && node.scrollHeight > node.clientHeight) return node;
    }
    return null;
}
