// The editor's caret, for "@" suggestions typed anywhere in the text (EditorCaret.cs).

// Where the caret is in the field inside the box; null when text is selected (nothing is being typed at one place).
export function caret(box) {
    const field = box.querySelector('textarea, input');
    if (!field || field.selectionStart !== field.selectionEnd) return null;
    return field.selectionStart;
}

// Focuses the field and puts the caret at the offset (after a mention just written there).
export function placeCaret(box, offset) {
    const field = box.querySelector('textarea, input');
    if (!field) return;
    field.focus();
    field.setSelectionRange(offset, offset);
}
