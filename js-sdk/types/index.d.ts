// Type declarations of @vertogw/verto-js-sdk: the public API, as exported by src/index.js. The
// build joins these parts into one dist/verto.d.ts (and its CommonJS twin dist/verto.d.cts).
export * from './platform.js';
export * from './options.js';
export * from './events.js';
export * from './api.js';
export * from './partition.js';
export * from './errors.js';
