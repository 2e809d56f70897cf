import { describe, expect, it } from "vitest";
import { DEDUPLICATION_WINDOW_MS, dedupeReads, type LocatedRead } from "./dedupe-reads";

const t0 = Date.UTC(2026, 10, 27, 8, 0, 0);
let index = 0;
const read = (tag: string, locationId: string, seconds: number): LocatedRead => ({
  index: index++,
  tag,
  locationId,
  at: new Date(t0 + seconds * 1000),
});

describe("dedupeReads", () => {
  it("keeps the first read of a tag at a place and drops its repeats within the window", () => {
    const reads = [read("T1", "A", 0), read("T1", "A", 30), read("T1", "A", 59.999), read("T1", "A", 60)];
    const { accepted, duplicates } = dedupeReads(reads, new Map());
    expect(accepted.map((r) => r.at.getTime() - t0)).toEqual([0, 60_000]);
    expect(duplicates).toBe(2);
  });

  it("anchors the window at the read that counted, so a tag lying at a reader is looked at once a window", () => {
    const reads = Array.from({ length: 13 }, (_, i) => read("T1", "A", i * 10));
    expect(dedupeReads(reads, new Map()).accepted.map((r) => (r.at.getTime() - t0) / 1000)).toEqual([0, 60, 120]);
  });

  it("takes a read at another place at once, and answers the latest read per tag, whatever order the batch came in", () => {
    const reads = [read("T1", "B", 20), read("T1", "A", 0), read("T2", "A", 5), read("T1", "A", 10)];
    const { accepted, latest, duplicates } = dedupeReads(reads, new Map());
    expect(accepted.map((r) => [r.tag, r.locationId])).toEqual([
      ["T1", "A"],
      ["T2", "A"],
      ["T1", "B"],
    ]);
    expect(duplicates).toBe(1);
    expect([...latest.values()].map((r) => [r.tag, r.locationId])).toEqual([
      ["T1", "B"],
      ["T2", "A"],
    ]);
  });

  it("checks against the recorded sighting, and drops reads older than it", () => {
    const sightings = new Map([["T1", { locationId: "A", seenAt: new Date(t0 + 30_000) }]]);
    const reads = [read("T1", "B", 10), read("T1", "A", 50), read("T1", "A", 95)];
    expect(dedupeReads(reads, sightings).accepted.map((r) => (r.at.getTime() - t0) / 1000)).toEqual([95]);
    expect(dedupeReads([read("T1", "B", 31)], sightings, DEDUPLICATION_WINDOW_MS).accepted).toHaveLength(1);
  });
});
