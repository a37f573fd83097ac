/**
 * A FreeSWITCH liveArray kept in step (docs/protocol.md §5.4): a `bootObj` snapshot answers a
 * bootstrap, then numbered changes (`add`, `modify`, `del`, `clear`) follow. `wireSerno` grows by
 * one per change; a gap means a change was missed, so the array asks for a new snapshot and
 * ignores changes until it comes. After {@link MAX_REBOOTSTRAPS} snapshots in a row, each followed by
 * a gap before two changes came in step, it stops asking (the island keeps losing changes) and says so.
 */
export const MAX_REBOOTSTRAPS = 3;

export class LiveArray {
  /** @type {Map<string, unknown[]>} key → row, in the island's order */
  #rows = new Map();
  /** @type {number|null} the last change's number; null right after a snapshot */
  #serno = null;
  #awaitingBoot = true;
  #gaps = 0;
  #host;

  /**
   * @param {object} host
   * @param {() => void} host.bootstrap asks the island for a snapshot
   * @param {(change: LiveArrayChange) => void} host.changed
   * @param {(detail: {expected: number, got: number}) => void} host.lost too many gaps in a row
   */
  constructor(host) {
    this.#host = host;
  }

  /** @returns {Array<[string, unknown[]]>} */
  get entries() {
    return [...this.#rows.entries()];
  }

  /** Forgets the numbering and asks for a snapshot (first join, a re-subscribe after a reconnect). */
  bootstrap() {
    this.#awaitingBoot = true;
    this.#serno = null;
    this.#host.bootstrap();
  }

  /**
   * One `data` of a liveArray event.
   *
   * @param {Record<string, any>} data
   */
  handle(data) {
    const action = data?.action;
    if (action === 'bootObj') return this.#boot(Array.isArray(data.data) ? data.data : []);
    if (this.#awaitingBoot) return;
    const serno = typeof data.wireSerno === 'number' ? data.wireSerno : -1;
    if (serno >= 0) {
      if (this.#serno !== null && serno !== this.#serno + 1) return this.#gap(this.#serno + 1, serno);
      // in step with a change before it (the first after a snapshot only sets the count)
      if (this.#serno !== null) this.#gaps = 0;
      this.#serno = serno;
    }
    const key = typeof data.hashKey === 'string' ? data.hashKey : undefined;
    switch (action) {
      case 'add':
      case 'modify':
        if (key === undefined || !Array.isArray(data.data)) return;
        if (action === 'add' && typeof data.arrIndex === 'number' && !this.#rows.has(key)) this.#insert(key, data.data, data.arrIndex);
        else this.#rows.set(key, data.data);
        this.#host.changed({ action, key, row: data.data });
        return;
      case 'del':
        if (key === undefined || !this.#rows.delete(key)) return;
        this.#host.changed({ action, key, row: null });
        return;
      case 'clear':
        this.#rows.clear();
        this.#host.changed({ action, key: null, row: null });
        return;
      default:
        return;
    }
  }

  /** @param {unknown[]} pairs `[[key, row], ...]` */
  #boot(pairs) {
    this.#rows.clear();
    for (const pair of pairs) {
      if (Array.isArray(pair) && typeof pair[0] === 'string' && Array.isArray(pair[1])) this.#rows.set(pair[0], pair[1]);
    }
    this.#awaitingBoot = false;
    this.#serno = null;
    this.#host.changed({ action: 'bootstrap', key: null, row: null });
  }

  /**
   * @param {number} expected
   * @param {number} got
   */
  #gap(expected, got) {
    this.#gaps++;
    if (this.#gaps > MAX_REBOOTSTRAPS) {
      this.#awaitingBoot = true;
      this.#host.lost({ expected, got });
      return;
    }
    this.bootstrap();
  }

  /**
   * @param {string} key
   * @param {unknown[]} row
   * @param {number} index
   */
  #insert(key, row, index) {
    const entries = [...this.#rows.entries()];
    entries.splice(Math.max(0, Math.min(index, entries.length)), 0, [key, row]);
    this.#rows = new Map(entries);
  }
}

/**
 * @typedef {object} LiveArrayChange
 * @property {'bootstrap'|'add'|'modify'|'del'|'clear'} action
 * @property {string|null} key
 * @property {unknown[]|null} row
 */
