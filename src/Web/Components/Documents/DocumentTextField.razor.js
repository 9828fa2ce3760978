// How long the field's text is: an empty one has nothing to stream (Blazor refuses an empty stream).
export function length(textarea) {
    return textarea.value.length;
}

// The field's text as UTF-8 bytes: Blazor streams a Blob to .NET in chunks.
export function read(textarea) {
    return new Blob([textarea.value], { type: 'text/plain;charset=utf-8' });
}
