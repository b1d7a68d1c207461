// Types for the parts of oxc-parser's raw-transfer path that parse.ts drives (the package ships no
// declarations for them). Pinned to the oxc-parser version in package.json: the Rust side and the
// generated deserializer come from the same build, so they always agree with each other.
declare module 'oxc-parser/src-js/bindings.js' {
  export function getBufferOffset(buffer: Uint8Array): number;
  export function parseRawSync(
    filename: string,
    block: Uint8Array,
    sourceStart: number,
    sourceByteLength: number,
    options: import('oxc-parser').ParserOptions,
  ): void;
}
declare module 'oxc-parser/src-js/generated/constants.js' {
  export const BLOCK_SIZE: number;
  export const BLOCK_ALIGN: number;
  export const BUFFER_SIZE: number;
  export const ACTIVE_SIZE: number;
}
declare module 'oxc-parser/src-js/generated/deserialize/js.js' {
  export function deserialize(
    buffer: Uint8Array,
    source: string,
    sourceStart: number,
    sourceByteLength: number,
  ): unknown;
}
