import { beforeAll, describe, expect, it } from "vitest";
import { isIntendedHit, MISSPELLINGS, misspelledQueries, type MisspelledQuery } from "../../tests/factories/misspelled-queries";
import { SYSTEM_ACTOR } from "../auth/actor";
import { demoItems } from "../../prisma/demo-catalog";
import { seedDemo } from "../../prisma/seed";
import { getDb } from "../db/client";
import { searchEverything } from "./search-everything";

const db = getDb();
const queries = misspelledQueries(demoItems(), 20261212);

/** The query, when no intended item is among the first five hits (of the default twenty), with what came instead. */
async function missOf(query: MisspelledQuery): Promise<string | undefined> {
  const hits = (await searchEverything(db, SYSTEM_ACTOR, { q: query.q })).slice(0, 5);
  if (hits.some((h) => h.type === "item" && isIntendedHit(query, h.name ?? ""))) return undefined;
  return `"${query.q}" → ${query.name}; got ${hits.map((h) => h.name).join(" / ") || "nothing"}`;
}

// The words people type for each demo item (its name before the first comma, without sizes), with one kind of typo.
describe("searchEverything over the demo catalogue, item words typed with typos", () => {
  beforeAll(async () => {
    await seedDemo(db, { password: "demo-pass-1" }); // refreshes the search vocabulary too
  }, 120_000);

  it.each(MISSPELLINGS)("finds the item among the first five for every query typed with %s", async (kind) => {
    const ofKind = queries.filter((q) => q.kind === kind);
    expect(ofKind.length).toBeGreaterThan(200);
    const misses: string[] = [];
    for (const query of ofKind) {
      const miss = await missOf(query);
      if (miss) misses.push(miss);
    }
    expect(misses).toEqual([]);
  });
});
