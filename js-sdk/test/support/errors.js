/** The public error classes, and the internal wire-error mapper the SDK uses for every JSON-RPC error. */
export * from '../../src/index.js';
export { rpcErrorFor as rpcErrorForTest } from '../../src/rpc/rpc-errors.js';
