import { describe, expect, it } from "vitest";
import { isKnownEventType, matchesEventTypes } from "./catalogue";
import { expandOutboxRow, subjectOf, type Lookups } from "./expand-outbox";

const at = new Date("2026-12-04T10:00:00Z");
const lookups: Lookups = {
  siteCodeOf: (id) => (id === "site-1" ? "WH1" : null),
  placeOf: ({ location }) =>
    location === "WH1-A1"
      ? { siteId: "site-1", site: "WH1", isSellable: true }
      : location === "WH1-QUARANTINE"
        ? { siteId: "site-1", site: "WH1", isSellable: false }
        : null,
};

describe("expandOutboxRow", () => {
  const posting = {
    postingId: "p-1",
    movements: [
      { id: "m-1", sku: "S", from: "WH1-A1", to: "WH1-QUARANTINE", lot: null },
      { id: "m-2", sku: "S", from: "WH1-A1", to: "WH1-QUARANTINE", lot: null },
    ],
    levels: [
      { sku: "S", location: "WH1-A1", lot: null, onHand: 3, reserved: 5 },
      { sku: "S", location: "WH1-QUARANTINE", lot: null, onHand: 2, reserved: 0 },
      { sku: "S", location: "ELSEWHERE", lot: null, onHand: 1, reserved: 0 },
    ],
  };

  it("gives each level of a posting its own stock.changed, available never below zero and 0 where it may not be promised", () => {
    const events = expandOutboxRow({ id: 7n, type: "stock.moved", siteId: "site-1", aggregateId: "p-1", payload: posting, createdAt: at }, lookups);
    expect(events.map((e) => [e.type, e.subject, (e.data as { location: string }).location, (e.data as { available: number }).available])).toEqual([
      ["stock.changed", "stock:S", "WH1-A1", 0],
      ["stock.changed", "stock:S", "WH1-QUARANTINE", 0],
    ]);
    expect(events[0].data).toMatchObject({ onHand: 3, reserved: 5, movementId: "m-2", posting: "p-1", site: "WH1" });
    expect(events.every((e) => e.outboxId === 7n && e.occurredAt === at)).toBe(true);
  });

  it("keeps any other row as one event of its own type, with the site's code", () => {
    const [event] = expandOutboxRow(
      { id: 8n, type: "order.shipped", siteId: "site-1", aggregateId: "o-1", payload: { number: 4 }, createdAt: at },
      lookups,
    );
    expect(event).toMatchObject({ type: "order.shipped", subject: "order:o-1", site: "WH1", data: { number: 4 } });
  });
});

describe("subjectOf", () => {
  it("counts item events per SKU and everything else per entity", () => {
    expect(subjectOf({ id: 1n, type: "item.updated", siteId: null, aggregateId: "uuid", payload: { sku: "S-1" } })).toBe("item:S-1");
    expect(subjectOf({ id: 1n, type: "reservation.expired", siteId: "x", aggregateId: "r-1", payload: {} })).toBe("reservation:r-1");
    expect(subjectOf({ id: 1n, type: "siteMap.saved", siteId: "s-1", aggregateId: "s-1", payload: {} })).toBe("siteMap:s-1");
    expect(subjectOf({ id: 9n, type: "count.submitted", siteId: null, aggregateId: null, payload: {} })).toBe("count:9");
    // A category by the path callers name it by; the installation's settings are one stream.
    expect(subjectOf({ id: 2n, type: "category.updated", siteId: null, aggregateId: "uuid", payload: { path: "Tools > Drills" } })).toBe(
      "category:Tools > Drills",
    );
    expect(subjectOf({ id: 3n, type: "settings.updated", siteId: null, aggregateId: "installation", payload: {} })).toBe("settings:installation");
  });
});

describe("event type filters", () => {
  it("matches exact types, families and everything", () => {
    expect(matchesEventTypes("order.shipped", ["order.*"])).toBe(true);
    expect(matchesEventTypes("order.shipped", ["stock.changed"])).toBe(false);
    expect(matchesEventTypes("stock.changed", ["*"])).toBe(true);
    expect(matchesEventTypes("orders.x", ["order.*"])).toBe(false);
  });

  it("knows the catalogue's types and refuses others", () => {
    expect(isKnownEventType("stock.changed")).toBe(true);
    expect(isKnownEventType("order.*")).toBe(true);
    expect(isKnownEventType("category.updated") && isKnownEventType("settings.updated")).toBe(true);
    expect(isKnownEventType("stock.teleported")).toBe(false);
    expect(isKnownEventType("nothing.*")).toBe(false);
  });
});
