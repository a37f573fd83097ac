import { RpcCode, RpcError } from '../rpc/rpc-errors.js';

/**
 * The Verto login dance (docs/protocol.md §3.7): a credential-less `login` first, whose
 * `-32000 Authentication Required` asks for the credentials, sent next with the same sessid. A
 * server that accepts the first login (a session it already knows) is taken at its word. A client
 * logging in again after a lost socket (`again`) sends its credentials at once: the island no
 * longer has the old connection, so the credential-less round trip would only delay the calls
 * waiting to be re-attached.
 *
 * @param {import('./connection.js').Connection} connection
 * @param {object} credentials
 * @param {string} credentials.sessid
 * @param {string} credentials.login
 * @param {string} [credentials.passwd]
 * @param {Record<string, unknown>} [credentials.loginParams]
 * @param {Record<string, unknown>} [credentials.userVariables]
 * @param {{again?: boolean}} [options] `again`: this client has logged in before
 * @returns {Promise<any>} the login result
 */
export async function logIn(connection, { sessid, login, passwd, loginParams, userVariables }, { again = false } = {}) {
  if (!again) {
    try {
      return await connection.request('login', { sessid });
    } catch (error) {
      if (!(error instanceof RpcError && error.rpcCode === RpcCode.AUTHENTICATION_REQUIRED)) throw error;
    }
  }
  return connection.request('login', { login, passwd: passwd ?? '', loginParams: loginParams ?? {}, userVariables: userVariables ?? {}, sessid });
}
