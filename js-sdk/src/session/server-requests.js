/**
 * Answers the island's requests (docs/protocol.md §4.1, §4.9, §8.5): every request that carries
 * a `callID` is answered `{method}` at once, whatever it is (never an error object, §1.4);
 * `verto.ping` is answered `{method}` too; events, `verto.clientReady`, `verto.punt` and unknown
 * methods without a callID get no answer.
 *
 * @typedef {object} ServerRequestTarget
 * @property {(params: object) => void} onInvite
 * @property {(params: object) => void} onAttach
 * @property {(params: object) => void} onClientReady
 * @property {() => void} onPunt
 * @property {(params: Record<string, any>) => void} onMessage a chat `verto.info` (with `msg`)
 * @property {(callID: string) => import('../call/call.js').Call|undefined} callFor
 * @property {(type: 'event'|'info'|'unknown', payload: object) => void} onOther
 */

/** Methods that concern one existing call, and the Call method that takes them. */
const CALL_METHODS = {
  'verto.media': 'handleMedia',
  'verto.answer': 'handleAnswer',
  'verto.bye': 'handleBye',
  'verto.display': 'handleDisplay',
  'verto.info': 'handleInfo',
};

/**
 * @param {ServerRequestTarget} target
 * @returns {(method: string, params: Record<string, any>) => object|undefined} the JsonRpcPeer `onRequest`
 */
export function serverRequestHandler(target) {
  return (method, params) => {
    const callID = typeof params.callID === 'string' ? params.callID : undefined;
    const ack = callID === undefined ? undefined : { method };
    switch (method) {
      case 'verto.ping':
        return { method };
      case 'verto.punt':
        target.onPunt();
        return undefined;
      case 'verto.clientReady':
        target.onClientReady(params);
        return undefined;
      case 'verto.invite':
        if (callID !== undefined) target.onInvite(params);
        return ack;
      case 'verto.attach':
        if (callID !== undefined) target.onAttach(params);
        return ack;
      case 'verto.event':
        target.onOther('event', params);
        return ack;
      case 'verto.info':
        if (params.msg !== null && typeof params.msg === 'object') {
          target.onMessage(params);
          return ack;
        }
        break;
      default:
        break;
    }
    const handler = CALL_METHODS[method];
    const call = callID === undefined ? undefined : target.callFor(callID);
    if (handler && call) call[handler](params);
    else target.onOther(method === 'verto.info' ? 'info' : 'unknown', { method, params });
    return ack;
  };
}
