// Every write endpoint, fuzzed from its own schema: whatever it is sent, it never answers 500, and when it
// refuses, the database is exactly as it was (no partial write).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../../lib/auth/actor";
import type { Operation } from "../../../lib/contract/operation";
import { getDb } from "../../../lib/db/client";
import { ALL_OPERATIONS } from "../../../lib/http/openapi";
import { startCount } from "../../../lib/counting/start-count";
import { createPickList } from "../../../lib/picking/create-pick-list";
import { createTransfer } from "../../../lib/transfers/create-transfer";
import { buildApiKey, buildUser } from "../../factories/access";
import { buildTwoSites } from "../../factories/transfers";
import { fuzzInputsOf, type Dictionary } from "../../fuzz/arbitrary-of-schema";
import { databaseFingerprint } from "../../fuzz/database-fingerprint";
import { pathOf, routeOf } from "../../fuzz/route-of";

const db = getDb();
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const WRITES = ALL_OPERATIONS.filter((op) => op.method !== "GET");

/** A small world to aim at: two sites with stock, a pick list, a transfer, a count, people and keys. */
async function buildWorld() {
  const { source, destination, items } = await buildTwoSites(db);
  const pickList = await createPickList(db, SYSTEM_ACTOR, {
    site: source.site.code,
    reference: "FUZZ-ORDER",
    lines: [{ sku: items.plain.sku, quantity: 2 }],
  });
  const transfer = await createTransfer(db, SYSTEM_ACTOR, {
    from: source.site.code,
    to: destination.site.code,
    lines: [{ sku: items.plain.sku, quantity: 1 }],
  });
  const count = await startCount(db, SYSTEM_ACTOR, { location: source.bins.a2.code });
  const person = await buildUser(db, "clerk", { sites: [source.site.code] });
  const admin = await buildApiKey(db, "admin");
  const clerk = await buildApiKey(db, "clerk", [source.site.code]);
  const movement = await db.stockMovement.findFirstOrThrow({ where: { itemId: items.plain.id }, select: { id: true } });
  const strings = [
    ...Object.values(items).map((item) => item.sku),
    ...Object.values(source.bins).map((bin) => bin.code),
    destination.bins.a1.code,
    source.site.code,
    destination.site.code,
    "LATE",
    "SOON",
    "S1",
    "received",
    "sold",
    "count",
    "damaged",
    pickList.id,
    transfer.id,
    count.id,
    person.id,
    clerk.id,
    movement.id.toString(),
    "4006381333931",
    "3074257BF7194E4000001A85",
  ];
  return { keys: [admin.key, clerk.key], dictionary: { strings } satisfies Dictionary };
}

function paramsOf(operation: Operation, dictionary: Dictionary): fc.Arbitrary<Record<string, string>> {
  const names = [...operation.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
  return fc.record(Object.fromEntries(names.map((name) => [name, fc.oneof(fc.constantFrom(...dictionary.strings), fc.string({ maxLength: 20 }))])));
}

/** A CSV upload: a header of known and unknown columns and rows of known and random cells. */
function csvOf(dictionary: Dictionary): fc.Arbitrary<string> {
  const cell = fc.oneof(
    fc.constantFrom(...dictionary.strings, "", "5", "-3", "2027-01-01", '"quoted, cell"', "=HYPERLINK(1)"),
    fc.string({ maxLength: 12 }),
  );
  const header = fc.uniqueArray(fc.constantFrom("sku", "name", "location", "quantity", "lot", "expires", "serials", "unit", "tracking", "colour"), {
    minLength: 1,
    maxLength: 6,
  });
  return header.chain((columns) =>
    fc
      .array(fc.array(cell, { minLength: columns.length, maxLength: columns.length }), { maxLength: 5 })
      .map((rows) => [columns.join(","), ...rows.map((row) => row.join(","))].join("\n")),
  );
}

function requestOf(operation: Operation, key: string, params: Record<string, string>, body: unknown, query: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${key}` };
  const isUpload = !!operation.upload;
  headers["content-type"] = isUpload ? "text/csv" : "application/json";
  return new Request(`http://localhost${pathOf(operation, params)}${query}`, {
    method: operation.method,
    headers,
    body: operation.method === "DELETE" ? undefined : isUpload ? String(body) : JSON.stringify(body ?? {}),
  });
}

/** A fuzzed query as a query string: its fields as text, and anything that is not an object (the fuzzer makes those too) as one field. */
function queryStringOf(query: unknown): URLSearchParams {
  if (query === null || typeof query !== "object" || Array.isArray(query)) return new URLSearchParams({ value: String(query) });
  return new URLSearchParams(Object.entries(query).map(([name, value]) => [name, String(value)]));
}

describe("every write endpoint, fuzzed from its schema", async () => {
  const world = await buildWorld();

  it.each(WRITES.map((op) => [`${op.method} ${op.path}`, op] as const))(
    "%s never answers 500 and refuses without writing",
    async (_name, operation) => {
      const handler = await routeOf(operation);
      const bodies = operation.upload ? csvOf(world.dictionary) : operation.body ? fuzzInputsOf(operation.body, world.dictionary) : fc.constant({});
      const queries = operation.query ? fuzzInputsOf(operation.query, world.dictionary).map((q) => `?${queryStringOf(q)}`) : fc.constant("");
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...world.keys), paramsOf(operation, world.dictionary), bodies, queries, async (key, params, body, query) => {
          const before = await databaseFingerprint(db);
          const response = await handler(requestOf(operation, key, params, body, query), { params: Promise.resolve(params) });
          const text = await response.text();
          expect(response.status, text).toBeLessThan(500);
          if (response.status >= 400) {
            expect(response.headers.get("content-type")).toBe("application/problem+json");
            expect(await databaseFingerprint(db)).toEqual(before);
          }
        }),
        { numRuns: RUNS },
      );
    },
  );
});
