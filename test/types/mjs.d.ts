// The protocol's .mjs tools (frame, dispatch, vectors, docs) are plain JavaScript used by tests as
// an independent oracle of the TypeScript codec; typing them would tie the oracle to the code it
// checks, so they are imported untyped.
declare module '*.mjs';
