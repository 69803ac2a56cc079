/**
 * The only platform globals the engine may use beyond ECMAScript (tsconfig.engine.json checks it
 * without the DOM's types): the WHATWG text codecs, which browsers and Node.js (since 11) both
 * have as globals. Declared here, as narrowly as the engine uses them, so that any other DOM or
 * Node name in src/engine fails the type check.
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
