import { describe, expect, it } from "vitest";
import { buildWarehouse } from "../../tests/factories/stock";
import { getDb } from "../db/client";
import { claimSightings, findSightings, withdrawSightings } from "./claim-sightings";
import type { TagRead } from "./locate-reads";

const db = getDb();
const t0 = Date.UTC(2026, 0, 15, 8, 0, 0);

describe("claimSightings and withdrawSightings", () => {
  it("claims a tag once per window at a place, at once elsewhere, and gives a claim back as it was", async () => {
    const w = await buildWarehouse(db);
    const read = (tag: string, bin: { id: string; code: string; path: string }, seconds: number): TagRead => ({
      index: 0,
      tag,
      reader: "R",
      antenna: 0,
      at: new Date(t0 + seconds * 1000),
      locationId: bin.id,
      unit: null,
      location: { id: bin.id, code: bin.code, siteId: w.site.id, path: bin.path },
    });
    const [known, fresh] = [`urn:test:${w.site.code}:1`, `urn:test:${w.site.code}:2`];
    expect(await claimSightings(db, [read(known, w.bins.a1, 0)])).toEqual(new Set([known]));
    expect(await claimSightings(db, [read(known, w.bins.a1, 59.5)])).toEqual(new Set());
    expect(await claimSightings(db, [read(known, w.bins.a1, -5)])).toEqual(new Set());
    const earlier = await findSightings(db, [known, fresh]);
    expect(earlier.get(known)).toMatchObject({ locationId: w.bins.a1.id, seenAt: new Date(t0) });

    const later = [read(known, w.bins.a2, 10.25), read(fresh, w.bins.a2, 10.25)];
    expect(await claimSightings(db, later)).toEqual(new Set([known, fresh]));
    await withdrawSightings(db, later, earlier);
    const after = await findSightings(db, [known, fresh]);
    expect(after.get(known)).toEqual(earlier.get(known));
    expect(after.has(fresh)).toBe(false);
  });
});
