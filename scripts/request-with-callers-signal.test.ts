import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { RequestWithCallersSignal } from "./request-with-callers-signal.mjs";

const url = "http://localhost/api/v1/reservations";
const post = (signal?: AbortSignal | null) => ({ method: "POST", body: '{"sku":"A"}', signal });

describe("RequestWithCallersSignal", () => {
  it("leaves nothing on the caller's signal, where Node's Request leaves a listener (with its registry entry)", () => {
    const forNode = new AbortController();
    new Request(url, post(forNode.signal));
    expect(getEventListeners(forNode.signal, "abort")).toHaveLength(1);

    const forOurs = new AbortController();
    new RequestWithCallersSignal(url, post(forOurs.signal));
    expect(getEventListeners(forOurs.signal, "abort")).toHaveLength(0);
  });

  it("answers a signal that aborts with the caller's, with its reason", () => {
    const client = new AbortController();
    const request = new RequestWithCallersSignal(url, post(client.signal));
    expect(request.signal.aborted).toBe(false);
    client.abort(new Error("the client went away"));
    expect(request.signal.aborted).toBe(true);
    expect((request.signal.reason as Error).message).toBe("the client went away");
  });

  it("keeps the signal in a copy and in a request made from it", async () => {
    const client = new AbortController();
    const request = new RequestWithCallersSignal(url, post(client.signal));
    const copy = request.clone();
    const remade = new RequestWithCallersSignal(copy);
    expect(copy).toBeInstanceOf(RequestWithCallersSignal);
    client.abort();
    expect([copy.signal.aborted, remade.signal.aborted]).toEqual([true, true]);
    expect(await request.text()).toBe('{"sku":"A"}');
  });

  it("is otherwise Node's Request: body, headers, no signal, an aborted one", async () => {
    const request = new RequestWithCallersSignal(url, { ...post(), headers: { "idempotency-key": "k-1" } });
    expect([request.method, request.headers.get("idempotency-key"), request.signal.aborted]).toEqual(["POST", "k-1", false]);
    expect(await request.json()).toEqual({ sku: "A" });
    expect(new RequestWithCallersSignal(url, post(AbortSignal.abort())).signal.aborted).toBe(true);
    expect(new RequestWithCallersSignal(url, post(null)).signal.aborted).toBe(false);
  });

  it("counts Node's own requests as instances, and a subclass's test stays its own", () => {
    expect(new Request(url)).toBeInstanceOf(RequestWithCallersSignal);
    expect(new RequestWithCallersSignal(url)).toBeInstanceOf(Request);
    class SubclassRequest extends RequestWithCallersSignal {}
    expect(new Request(url)).not.toBeInstanceOf(SubclassRequest);
    expect(new RequestWithCallersSignal(url)).not.toBeInstanceOf(SubclassRequest);
    expect(new SubclassRequest(url)).toBeInstanceOf(SubclassRequest);
  });
});
