// Maps browser selections in the article to offsets of the canonical text, lets keyboard users
// select with Shift+arrows, and opens threads when a highlight is clicked.

export function attach(article, column, dotnet) {
    let timer = 0;
    const caret = document.createElement('div');
    caret.className = 'reading-caret';
    caret.setAttribute('aria-hidden', 'true');
    column.appendChild(caret);

    const blocks = () => [...article.querySelectorAll('.block-text')];

    // Offset of a DOM boundary point in the canonical text, or null when it is outside every block.
    function offsetIn(node, offset) {
        const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
        const block = element?.closest('.block-text');
        if (!block || !article.contains(block)) return null;
        const range = document.createRange();
        range.setStart(block, 0);
        range.setEnd(node, offset);
        return Number(block.dataset.start) + range.toString().length;
    }

    // A boundary between blocks (e.g. after a triple click) snaps to the nearest block edge inside the selection.
    function resolve(node, offset, isEnd) {
        const direct = offsetIn(node, offset);
        if (direct !== null) return direct;
        const point = document.createRange();
        point.setStart(node, offset);
        const all = blocks();
        if (!isEnd) {
            const next = all.find(b => point.comparePoint(b, 0) >= 0);
            return next ? Number(next.dataset.start) : null;
        }
        const previous = all.filter(b => point.comparePoint(b, b.childNodes.length) <= 0).pop();
        return previous ? Number(previous.dataset.start) + previous.textContent.length : null;
    }

    function report() {
        const selection = document.getSelection();
        hideCaret();
        if (!selection || selection.rangeCount === 0) return;
        const range = selection.getRangeAt(0);
        if (!article.contains(range.commonAncestorContainer) && range.commonAncestorContainer !== article) {
            return;
        }
        if (range.collapsed) {
            if (document.activeElement === article) showCaret(range);
            dotnet.invokeMethodAsync('OnSelectionCleared');
            return;
        }
        const start = resolve(range.startContainer, range.startOffset, false);
        const end = resolve(range.endContainer, range.endOffset, true);
        if (start === null || end === null || end <= start) return;
        const rects = range.getClientRects();
        const last = rects.length ? rects[rects.length - 1] : range.getBoundingClientRect();
        const box = column.getBoundingClientRect();
        const top = last.bottom - box.top + 6;
        const left = Math.max(0, Math.min(last.right - box.left - 90, box.width - 220));
        dotnet.invokeMethodAsync('OnSelection', start, end, top, left);
    }

    function showCaret(range) {
        const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
        if (!rect || (rect.height === 0 && rect.top === 0)) return;
        const box = column.getBoundingClientRect();
        caret.style.top = `${rect.top - box.top}px`;
        caret.style.left = `${rect.left - box.left}px`;
        caret.style.height = `${rect.height || 20}px`;
        caret.style.display = 'block';
    }

    function hideCaret() { caret.style.display = 'none'; }

    const onSelectionChange = () => {
        clearTimeout(timer);
        timer = setTimeout(report, 120);
    };

    function placeCaretAt(block) {
        const selection = document.getSelection();
        selection.collapse(block, 0);
        block.closest('.block')?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    }

    function currentBlock() {
        const selection = document.getSelection();
        if (!selection || selection.rangeCount === 0) return null;
        const node = selection.focusNode;
        const element = node?.nodeType === Node.ELEMENT_NODE ? node : node?.parentElement;
        const block = element?.closest('.block-text');
        return block && article.contains(block) ? block : null;
    }

    function firstVisibleBlock() {
        return blocks().find(b => b.getBoundingClientRect().bottom > 60) ?? blocks()[0];
    }

    const onKeyDown = (event) => {
        if (event.target !== article) return;
        const keys = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'];
        if (!keys.includes(event.key)) {
            if (event.key === 'Escape') document.getSelection()?.collapseToStart();
            return;
        }
        event.preventDefault();
        const selection = document.getSelection();
        let block = currentBlock();
        if (!block) {
            block = firstVisibleBlock();
            if (!block) return;
            placeCaretAt(block);
            if (!event.shiftKey) return;
        }
        const backward = event.key === 'ArrowLeft' || event.key === 'ArrowUp' || event.key === 'Home';
        if (!event.shiftKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
            // Plain Up/Down walk paragraph by paragraph, like a reader's finger.
            const all = blocks();
            const index = all.indexOf(block);
            const target = all[Math.max(0, Math.min(all.length - 1, index + (backward ? -1 : 1)))];
            placeCaretAt(target);
            return;
        }
        const granularity = event.key === 'Home' || event.key === 'End' ? 'paragraphboundary'
            : (event.key === 'ArrowUp' || event.key === 'ArrowDown') ? 'line'
            : (event.ctrlKey || event.altKey) ? 'word' : 'character';
        selection.modify(event.shiftKey ? 'extend' : 'move', backward ? 'backward' : 'forward', granularity);
    };

    const onClick = (event) => {
        const mark = event.target.closest?.('mark[data-t]');
        if (!mark || !article.contains(mark)) return;
        // A drag that ends on a highlight is a selection, not a click on it.
        if (!document.getSelection()?.isCollapsed) return;
        // The innermost thread comes first.
        dotnet.invokeMethodAsync('OnMarkClicked', mark.dataset.t.split(' ')[0]);
    };

    const onFocus = () => report();
    const onBlur = () => hideCaret();

    document.addEventListener('selectionchange', onSelectionChange);
    article.addEventListener('keydown', onKeyDown);
    article.addEventListener('click', onClick);
    article.addEventListener('focus', onFocus);
    article.addEventListener('blur', onBlur);

    return {
        flash(key) {
            const marks = [...article.querySelectorAll(`mark[data-t~="${CSS.escape(key)}"]`)];
            if (marks.length === 0) return;
            marks[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
            for (const mark of marks) {
                mark.classList.remove('flash');
                void mark.offsetWidth; // restart the animation
                mark.classList.add('flash');
            }
        },
        clearSelection() {
            document.getSelection()?.removeAllRanges();
            hideCaret();
        },
        detach() {
            clearTimeout(timer);
            document.removeEventListener('selectionchange', onSelectionChange);
            article.removeEventListener('keydown', onKeyDown);
            article.removeEventListener('click', onClick);
            article.removeEventListener('focus', onFocus);
            article.removeEventListener('blur', onBlur);
            caret.remove();
        },
    };
}
