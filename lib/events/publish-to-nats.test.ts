import { headers, type NatsConnection } from "@nats-io/transport-node";
import { describe, expect, it } from "vitest";
import { publishAcknowledged, refusalOf } from "./publish-to-nats";

/** An answer on the batch's inbox, as the client hands it over. */
const answer = (body: string, status?: [number, string]) => ({
  headers: status ? headers(...status) : undefined,
  json: <T>() => JSON.parse(body) as T,
});

describe("refusalOf (JetStream's answers to a publish)", () => {
  it("takes a stored message and a duplicate of one stored as acknowledged", () => {
    expect(refusalOf(answer('{"stream":"STOCKROOM","seq":12}'))).toBeNull();
    expect(refusalOf(answer('{"stream":"STOCKROOM","seq":12,"duplicate":true}'))).toBeNull();
  });

  it("names what JetStream refused, and a subject no stream listens on", () => {
    expect(refusalOf(answer('{"error":{"code":503,"err_code":10077,"description":"maximum messages exceeded"}}'))).toBe(
      "503 maximum messages exceeded",
    );
    expect(refusalOf(answer("", [503, "No Responders"]))).toBe("503 No Responders");
  });

  it("refuses what is not an acknowledgement rather than throwing (the batch would wait for its timeout)", () => {
    expect(refusalOf(answer("not json"))).toBe("not an acknowledgement");
    expect(refusalOf(answer('{"seq":1}'))).toBe("not an acknowledgement");
  });
});

describe("publishAcknowledged", () => {
  it("settles an empty batch at once, touching no connection (no acknowledgement would ever come)", async () => {
    await expect(publishAcknowledged({} as NatsConnection, [])).resolves.toBeUndefined();
  });

  it("rejects at once and leaves no subscription behind when a publish is refused on the spot", async () => {
    let unsubscribed = 0;
    const connection = {
      subscribe: () => ({ unsubscribe: () => void unsubscribed++ }),
      publish: () => {
        throw new Error("connection closed");
      },
    } as unknown as NatsConnection;
    await expect(publishAcknowledged(connection, [{ subject: "stockroom.x", payload: "{}", id: "evt_1" }])).rejects.toThrow("connection closed");
    expect(unsubscribed).toBe(1);
  });
});
