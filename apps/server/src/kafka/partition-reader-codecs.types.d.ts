// The two pure-JS decoders ship no types; only what partition-reader-codecs.ts uses.
declare module 'snappyjs' {
  export function uncompress(data: Uint8Array): Uint8Array;
}
declare module 'lz4js' {
  export function decompress(data: Uint8Array, maxSize?: number): Uint8Array;
}
