/**
 * Every attribute the generic walk (walk.ts) reads ('open': a closed <dialog>
 * is not walked; 'slot': which <slot> shows a light-DOM child; 'part': a banner's name part;
 * 'aria-expanded': an accordion's header button). A change to
 * any other cannot change what the walk finds. Its own module, with no
 * imports, because two observers need it: the walk's cache (scan-cache.ts,
 * in the lazily loaded generic detector) and the page watcher (watch.ts, in
 * the content script itself).
 */
export const READ_ATTRIBUTES = ['class', 'id', 'hidden', 'aria-hidden', 'style', 'contenteditable', 'aria-label', 'for', 'type', 'role', 'name', 'placeholder', 'src', 'srcdoc', 'open', 'slot', 'part', 'aria-expanded'];
