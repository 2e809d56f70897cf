// The Request class the server's Node uses (installed by scripts/server-preload.mjs, before Next loads).
//
// Node 20's Request (undici), given a live `signal`, builds a signal of its own that follows it: a listener on the
// caller's signal and a FinalizationRegistry entry, through a WeakRef. V8's young-generation collector keeps such
// targets alive, so for each request Next builds (it passes a signal that aborts when the client goes) these
// objects outlived their scavenges, were freed only after full collections, and then in a burst of the registry's
// clean-ups (20 ms of the server's thread after a full collection under the reservations benchmark; those objects
// were nearly all a heap sampling found still alive). Measured in docs/BENCHMARKS.md, "Requests that outlived their
// scavenges".
//
// This class answers the caller's signal itself as `request.signal`: aborted when it aborts, with its reason, which
// is what a follower gives. Nothing is registered and no listener is left, so the clean-up bursts are gone; the
// request's body streams and Node's own signals still outlive their scavenges ("What the scavenges promote" in
// docs/BENCHMARKS.md). Other uses (no signal, an aborted one, an init that is not a plain object) are Node's own.
const NodeRequest = globalThis.Request;

export class RequestWithCallersSignal extends NodeRequest {
  /** @type {AbortSignal | undefined} */
  #signal;

  /**
   * @param {RequestInfo | URL} input
   * @param {RequestInit} [init]
   */
  constructor(input, init) {
    const signal = RequestWithCallersSignal.#callersSignal(input, init);
    if (!signal || signal.aborted) {
      super(input, init);
      return;
    }
    super(input, { ...init, signal: null });
    this.#signal = signal;
  }

  get signal() {
    return this.#signal ?? super.signal;
  }

  /** A copy with the same signal (Node's copy would follow this request's own, which never aborts here). */
  clone() {
    const copy = super.clone();
    return this.#signal ? new RequestWithCallersSignal(copy, { signal: this.#signal }) : copy;
  }

  /** Requests Node makes itself (a copy, a fetch's) are Requests too; a subclass (Next's) keeps the usual test. */
  static [Symbol.hasInstance](value) {
    return this === RequestWithCallersSignal ? value instanceof NodeRequest : Function.prototype[Symbol.hasInstance].call(this, value);
  }

  /**
   * The signal this class follows itself: the init's (a plain object's, as Next passes), else the input's when the
   * input is one of these requests. Undefined: Node's own way.
   * @param {RequestInfo | URL} input
   * @param {RequestInit | undefined} init
   * @returns {AbortSignal | null | undefined}
   */
  static #callersSignal(input, init) {
    if (init !== undefined && !isPlainObject(init)) return undefined;
    if (init && "signal" in init) return init.signal;
    return typeof input === "object" && input !== null && #signal in input ? input.#signal : undefined;
  }
}

/** @param {unknown} value */
function isPlainObject(value) {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
