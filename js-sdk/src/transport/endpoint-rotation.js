/**
 * Picks the gateway endpoint for the next connection. The first pick is random, so the clients
 * of one island spread over the gateways that front it; after a dead socket the next endpoint in
 * the list is taken ("rotate"), so a client does not come back to the gateway that just died
 * while another one is listed.
 */
export class EndpointRotation {
  /** @type {string|null} */
  #last = null;
  #random;

  /** @param {{random?: () => number}} [options] */
  constructor({ random = Math.random } = {}) {
    this.#random = random;
  }

  /** The endpoint of the latest pick. */
  get last() {
    return this.#last;
  }

  /**
   * @param {readonly string[]} endpoints
   * @param {{rotate: boolean}} options `rotate` moves past the last endpoint; otherwise the last
   *   one is kept when it is still listed
   * @returns {string|null}
   */
  next(endpoints, { rotate }) {
    if (endpoints.length === 0) return null;
    const at = this.#last === null ? -1 : endpoints.indexOf(this.#last);
    let index;
    if (at < 0) index = Math.floor(this.#random() * endpoints.length) % endpoints.length;
    else index = rotate ? (at + 1) % endpoints.length : at;
    this.#last = endpoints[index];
    return this.#last;
  }
}

/**
 * The URL to open for an island: the endpoint with `?island=ID` (the gateway contract), or the
 * bare endpoint when the client could not compute an island and lets the gateway route.
 *
 * @param {string} endpoint
 * @param {string|null} island
 */
export function islandUrl(endpoint, island) {
  if (!island) return endpoint;
  const url = new URL(endpoint);
  url.searchParams.set('island', island);
  return url.href;
}
