/**
 * The incoming-call ring: the North American ringback cadence (440 + 480 Hz, 2 s on, 4 s off)
 * synthesized with Web Audio, so the page needs no sound file. Browsers allow it once the person
 * has interacted with the page (signing in counts).
 */
export class Ringer {
  #context = null;
  #nodes = null;
  #timer = null;

  start() {
    if (this.#timer !== null) return;
    const Context = globalThis.AudioContext ?? globalThis.webkitAudioContext;
    if (!Context) return;
    this.#context ??= new Context();
    void this.#context.resume?.();
    const burst = () => {
      this.#tone(true);
      setTimeout(() => this.#tone(false), 2000);
    };
    burst();
    this.#timer = setInterval(burst, 6000);
  }

  stop() {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    this.#tone(false);
  }

  #tone(on) {
    if (!on) {
      for (const node of this.#nodes ?? []) {
        try {
          node.stop();
        } catch {
          // already stopped
        }
      }
      this.#nodes = null;
      return;
    }
    if (this.#nodes || !this.#context) return;
    const gain = this.#context.createGain();
    gain.gain.value = 0.08;
    gain.connect(this.#context.destination);
    this.#nodes = [440, 480].map((frequency) => {
      const oscillator = this.#context.createOscillator();
      oscillator.frequency.value = frequency;
      oscillator.connect(gain);
      oscillator.start();
      return oscillator;
    });
  }
}
