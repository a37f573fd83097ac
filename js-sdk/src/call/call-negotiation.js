import { CallStateError, ConnectionError } from '../errors.js';

/**
 * The offer/answer exchange of one call with the island (docs/protocol.md §4.3-§4.4, §2.4):
 * the outbound invite, the answer of an inbound call, early media, the far end's answer, and
 * the new offers of `verto.attach`. Island notifications are handled one at a time in wire
 * order, so an answer never overtakes the early media before it.
 */
export class CallNegotiation {
  #state;
  #media;
  #ending;
  #host;
  #serial = Promise.resolve();
  /** @type {string|null} */
  #offer = null;

  /**
   * @param {import('./call-state.js').CallState} state
   * @param {import('./call-media.js').CallMedia} media
   * @param {import('./call-ending.js').CallEnding} ending
   * @param {object} host
   * @param {(method: string, params: object) => Promise<any>} host.request
   * @param {() => Record<string, unknown>} host.dialogParams
   * @param {() => boolean} host.held the hold state the island last reported
   * @param {() => boolean} host.answered true once the call was active
   * @param {() => void} host.detach the socket went away under the call
   */
  constructor(state, media, ending, host) {
    this.#state = state;
    this.#media = media;
    this.#ending = ending;
    this.#host = host;
  }

  /** True when the island's offer of a ringing call has a live video section. */
  get offersVideo() {
    return /^m=video [1-9]/m.test(this.#offer ?? '');
  }

  /**
   * @param {MediaStream} [localStream]
   * @param {{video?: boolean|object, screen?: boolean}} [want]
   */
  async place(localStream, want) {
    try {
      await this.#media.open(localStream, want);
      if (this.#ending.end) return this.#media.close();
      const sdp = await this.#media.offer();
      if (this.#ending.end) return;
      this.#state.to('requesting');
      await this.#host.request('verto.invite', { sdp, dialogParams: this.#host.dialogParams() });
      if (this.#state.value === 'requesting') this.#state.to('trying');
      else if (this.#state.value === 'hangup') await this.#ending.afterInvite(true);
    } catch (error) {
      // hung up while the invite was in flight: the island never made the call
      if (this.#state.value === 'hangup') void this.#ending.afterInvite(false);
      else this.#ending.fail(error);
    }
  }

  /** @param {Record<string, any>} params S→C `verto.invite`: the call rings */
  invited(params) {
    this.#offer = params.sdp;
    this.#state.to('ringing');
  }

  /**
   * @param {MediaStream} [localStream]
   * @param {{video?: boolean|object}} [want]
   */
  async answer(localStream, want) {
    if (this.#state.value !== 'ringing') throw new CallStateError(`cannot answer a call in state "${this.#state.value}"`);
    this.#state.to('answering');
    try {
      await this.#media.open(localStream, want);
      const sdp = await this.#media.answer(/** @type {string} */ (this.#offer));
      if (this.#ending.end) return;
      await this.#host.request('verto.answer', { sdp, dialogParams: this.#host.dialogParams() });
      if (this.#state.value === 'answering') this.#state.to('active');
    } catch (error) {
      this.#ending.fail(error);
      throw error;
    }
  }

  /** @param {Record<string, any>} params S→C `verto.media`: the island's answer before the call is answered */
  earlyMedia(params) {
    this.#serially(async () => {
      if (!this.#in('requesting', 'trying')) return;
      await this.#media.acceptAnswer(params.sdp);
      if (this.#in('requesting', 'trying')) this.#state.to('early');
    });
  }

  /** @param {Record<string, any>} params S→C `verto.answer`: carries SDP unless `verto.media` did */
  answered(params) {
    this.#serially(async () => {
      if (!this.#in('requesting', 'trying', 'early')) return;
      if (!this.#media.hasRemoteAnswer) await this.#media.acceptAnswer(params.sdp);
      if (this.#in('requesting', 'trying', 'early')) this.#state.to('active');
    });
  }

  /**
   * S→C `verto.attach` (§2.4): a new offer after a reconnect or a renegotiation, answered from a
   * fresh peer connection; the call keeps its hold state.
   *
   * @param {Record<string, any>} params
   */
  attach(params) {
    this.#serially(async () => {
      if (this.#ending.end) return;
      const wasHeld = this.#state.value === 'held' || (this.#state.value === 'recovering' && this.#host.held());
      if (!this.#in('recovering', 'active', 'held')) {
        if (this.#state.value !== 'new') return;
        this.#state.to('recovering');
      }
      await this.#media.renew();
      const sdp = await this.#media.answer(params.sdp);
      if (this.#ending.end) return;
      this.#state.to('answering');
      await this.#host.request('verto.attach', { sdp, dialogParams: { ...this.#host.dialogParams(), attach: true } });
      if (this.#state.value === 'answering') this.#state.to(wasHeld ? 'held' : 'active');
    });
  }

  /** @param {...string} states */
  #in(...states) {
    return states.includes(this.#state.value);
  }

  /** @param {() => Promise<void>} task */
  #serially(task) {
    // A socket lost under an answered call leaves it to the next session's re-attach.
    this.#serial = this.#serial.then(task).catch((error) => (error instanceof ConnectionError && this.#host.answered() ? this.#host.detach() : this.#ending.fail(error)));
  }
}
