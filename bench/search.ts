/**
 * npm run bench:search [-- --url=postgresql://… --http --tune --explain]
 * Search and "where is item X" against the large catalogue of scripts/generate-large-dataset.ts (run
 * `npm run bench:dataset` first; default database stockroom_bench_large on 127.0.0.1:5432).
 * Targets: search p95 < 50 ms and p99 < 150 ms; where-is p95 < 20 ms; misspelled queries find their item in the
 * top five.
 *
 * 1,000 queries, made deterministically from the data (seeded PRNG over items picked by a hash of their SKU):
 * 150 exact SKUs, 150 scanned barcodes (GTIN-13), 100 SKU prefixes, 50 supplier SKUs, 50 lot numbers, 300
 * misspelled (tests/factories/misspelled-queries.ts: an item's words without its size, 75 each with a letter
 * dropped from the longest word, two neighbouring letters swapped, a neighbouring key hit, and a typo in every
 * word of four letters or more), 200 correct multi-word queries (brand + product, some with the size). Run one
 * after another (latency, not throughput). A misspelled query is found when an item holding all its words, as
 * spelled in the name, is among the first five hits.
 *
 * --http: through GET /api/v1/search and /api/v1/items/{sku}/locations of the existing production build (npm
 * start's scripts/start.ts with STOCKROOM_SKIP_BUILD=1 on port 3210, an admin key from
 * STOCKROOM_BOOTSTRAP_API_KEY); refused when the build has no such routes. Without it: in-process, calling
 * searchEverything and listItemLocations with a Prisma client of 4 connections, as a manager (every site).
 * --misspelled=N: N misspelled queries of each kind instead of 75.
 * --tune: recall and time of the misspelling statement alone at several pairs of trigram thresholds.
 * --explain: EXPLAIN (ANALYZE, BUFFERS) of the statements for one query of each kind.
 */
import type { ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import type { Actor } from "../lib/auth/actor";
import { createDb, type Db } from "../lib/db/client";
import { Prisma } from "../lib/db/generated/client";
import { searchQuery, type SearchHit } from "../lib/search/schemas";
import { listItemLocations, itemLocationsStatement } from "../lib/search/list-item-locations";
import { MISSPELLING_THRESHOLDS, searchEverything } from "../lib/search/search-everything";
import { misspelledStatement, misspellingSettingsStatement } from "../lib/search/misspelled-statement";
import { codesAndWordsStatement, stockStatement } from "../lib/search/search-statements";
import { searchTerms } from "../lib/search/search-terms";
import { isIntendedHit, MISSPELLINGS, misspelledQueries, seededRandom, type Misspelling } from "../tests/factories/misspelled-queries";
import { startApp } from "./bench-server";
import { percentile } from "./percentile";

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, "").split("=")) as [string, string?][]);
const url = args.url ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/stockroom_bench_large";
const PORT = 3210;
const KEY = "bench-search-key-0123456789abcdef";
/** Misspelled queries of each kind; more (--misspelled=250) for a closer hit rate, at the cost of the usual mix. */
const MISSPELLED_PER_KIND = Number(args.misspelled ?? 75);
const MANAGER: Actor = { type: "user", id: "bench-manager", label: "bench manager", role: "manager", sites: "all" };

type Kind = "sku" | "barcode" | "prefix" | "supplierSku" | "lot" | Misspelling | "words";
type Query = { kind: Kind; q: string; sku: string; name: string };
const isMisspelled = (kind: Kind): kind is Misspelling => (MISSPELLINGS as readonly string[]).includes(kind);

async function makeQueries(db: Db): Promise<Query[]> {
  const items = await db.$queryRaw<{ sku: string; name: string; gtin: string; supplierSku: string | null; lot: string | null }[]>`
    SELECT i.sku, i.name, (SELECT b.code FROM "Barcode" b WHERE b."itemId" = i.id AND b.kind = 'gtin' LIMIT 1) AS gtin,
      (SELECT x."supplierSku" FROM "ItemSupplier" x WHERE x."itemId" = i.id LIMIT 1) AS "supplierSku",
      (SELECT lo.number FROM "Lot" lo WHERE lo."itemId" = i.id ORDER BY lo.number LIMIT 1) AS lot
    FROM "Item" i ORDER BY md5(i.sku) LIMIT 3000`;
  const rnd = seededRandom(20261127);
  const queries: Query[] = [];
  const take = (kind: Kind, count: number, make: (item: (typeof items)[number]) => string | null) => {
    for (const item of items) {
      if (queries.filter((q) => q.kind === kind).length >= count) return;
      if (queries.some((q) => q.sku === item.sku)) continue;
      const q = make(item);
      if (q) queries.push({ kind, q, sku: item.sku, name: item.name });
    }
  };
  take("sku", 150, (i) => (rnd() < 0.5 ? i.sku : i.sku.toLowerCase()));
  take("barcode", 150, (i) => i.gtin.slice(1)); // scanned as the EAN-13 printed on the box
  take("prefix", 100, (i) => i.sku.slice(0, 13));
  take("supplierSku", 50, (i) => i.supplierSku);
  take("lot", 50, (i) => i.lot);
  const misspelled = misspelledQueries(
    items.filter((item) => !queries.some((q) => q.sku === item.sku)),
    20261204,
  );
  for (const kind of MISSPELLINGS) queries.push(...misspelled.filter((q) => q.kind === kind).slice(0, MISSPELLED_PER_KIND));
  take("words", 200, (i) => {
    const words = i.name.split(" ");
    const size = rnd() < 0.5 ? ` ${words.slice(-1)[0]}` : "";
    return `${words[0]} ${words.slice(2, -1).join(" ")}${size}`.toLowerCase().replace(/ (mm|in|ml|m)$/, "");
  });
  return queries;
}

function summary(label: string, ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1).padStart(7);
  console.log(
    `| ${label.padEnd(30)} | ${String(ms.length).padStart(5)} | ${f(percentile(sorted, 0.5))} | ${f(percentile(sorted, 0.95))} | ${f(percentile(sorted, 0.99))} | ${f(sorted[sorted.length - 1])} |`,
  );
}

/** An intended item among the first five: one whose name holds every word the query was typed for. */
const isFound = (query: Query, hits: SearchHit[]) => hits.slice(0, 5).some((h) => h.type === "item" && isIntendedHit(query, h.name ?? ""));

async function startServer(): Promise<ChildProcess> {
  const manifest = existsSync(".next/app-path-routes-manifest.json") ? readFileSync(".next/app-path-routes-manifest.json", "utf8") : "";
  if (!manifest.includes("/api/v1/search/route") || !manifest.includes("/api/v1/items/[sku]/locations/route")) {
    console.error("--http: the production build in .next has no search routes; run `npx next build` first, or drop --http");
    process.exit(1);
  }
  return startApp(PORT, KEY, { ...process.env, DATABASE_URL: url });
}

async function getJson(path: string): Promise<{ data: unknown[] }> {
  const response = await fetch(`http://localhost:${PORT}${path}`, { headers: { authorization: `Bearer ${KEY}` } });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<{ data: unknown[] }>;
}

/**
 * Recall and time of the misspelling statement alone over the misspelled queries, per pair of thresholds.
 * similarity 1 turns the trigram corrections off, leaving the one-edit ones and the whole-query fallback.
 */
async function tune(db: Db, queries: Query[]) {
  console.log("\nmisspelling statement alone, misspelled queries, limit 5");
  console.log("| similarity (vocabulary) | word_similarity (fallback) | recall@5 | ms p50 | ms p95 | ms p99 |");
  console.log("|---|---|---|---|---|---|");
  const misspelled = queries.filter((q) => isMisspelled(q.kind));
  const pairs =
    "pairs" in args
      ? (JSON.parse(args.pairs!) as number[][])
      : [
          [1, 0.5],
          [1, 0.4],
          [1, 0.3],
          [0.4, 0.4],
          [0.3, 0.4],
          [0.25, 0.4],
          [0.2, 0.4],
          [0.2, 0.35],
          [0.2, 0.3],
        ];
  for (const [similarity, wordSimilarity] of pairs) {
    let found = 0;
    const ms: number[] = [];
    for (const query of misspelled) {
      const params = searchQuery.parse({ q: query.q, limit: 5 });
      const started = performance.now();
      const [, hits] = await db.$transaction([
        db.$queryRaw(misspellingSettingsStatement({ similarity, wordSimilarity })),
        db.$queryRaw<SearchHit[]>(misspelledStatement(MANAGER, params, searchTerms(query.q))),
      ]);
      ms.push(performance.now() - started);
      if (isFound(query, hits)) found++;
    }
    const sorted = [...ms].sort((a, b) => a - b);
    const f = (p: number) => percentile(sorted, p).toFixed(1);
    console.log(
      `| ${similarity === 1 ? "1 (off)" : similarity} | ${wordSimilarity} | ${((found / misspelled.length) * 100).toFixed(1)}% | ${f(0.5)} | ${f(0.95)} | ${f(0.99)} |`,
    );
  }
}

async function explain(db: Db, queries: Query[]) {
  const print = async (label: string, statement: Prisma.Sql) => {
    const [, plan] = await db.$transaction([
      db.$queryRaw(misspellingSettingsStatement(MISSPELLING_THRESHOLDS)),
      db.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${statement}`),
    ]);
    console.log(`\n-- ${label}\n${plan.map((line) => line["QUERY PLAN"]).join("\n")}`);
  };
  for (const kind of ["sku", "barcode", "words", ...MISSPELLINGS] as Kind[]) {
    const query = queries.find((q) => q.kind === kind)!;
    const params = searchQuery.parse({ q: query.q });
    await print(`codes and words: ${kind} "${query.q}"`, codesAndWordsStatement(MANAGER, params, searchTerms(query.q)));
    if (isMisspelled(kind)) await print(`misspelled (${kind}): "${query.q}"`, misspelledStatement(MANAGER, params, searchTerms(query.q)));
  }
  const [item] = await db.$queryRaw<{ id: string; sku: string }[]>`SELECT id, sku FROM "Item" WHERE sku = ${queries[0].sku}`;
  await print(`stock of the answer (one item)`, stockStatement(MANAGER, searchQuery.parse({ q: "x" }), [item.id], []));
  await print(`where is ${item.sku}`, itemLocationsStatement(MANAGER, item.sku));
}

console.log(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${new Date().toISOString()}`,
);
const db = createDb(url, 4);
const queries = await makeQueries(db);
const [{ items }] = await db.$queryRaw<{ items: bigint }[]>`SELECT count(*) AS items FROM "Item"`;
console.log(
  `${Number(items).toLocaleString("en")} items; ${queries.length} queries: ${[...new Set(queries.map((q) => q.kind))].map((k) => `${queries.filter((q) => q.kind === k).length} ${k}`).join(", ")}`,
);
const child = "http" in args ? await startServer() : null;
try {
  const search = child
    ? async (q: string) => (await getJson(`/api/v1/search?q=${encodeURIComponent(q)}&limit=20`)).data as SearchHit[]
    : (q: string) => searchEverything(db, MANAGER, { q, limit: 20 });
  const whereIs = child
    ? async (sku: string) => (await getJson(`/api/v1/items/${encodeURIComponent(sku)}/locations`)).data
    : (sku: string) => listItemLocations(db, MANAGER, sku);
  for (const query of queries.slice(0, 50)) await search(query.q); // warm the pool, caches and plans
  const byKind = new Map<string, number[]>();
  const all: number[] = [];
  const found = new Map<Kind, number>();
  for (const query of queries) {
    const started = performance.now();
    const hits = await search(query.q);
    const ms = performance.now() - started;
    all.push(ms);
    byKind.set(query.kind, [...(byKind.get(query.kind) ?? []), ms]);
    if (isMisspelled(query.kind) && isFound(query, hits)) found.set(query.kind, (found.get(query.kind) ?? 0) + 1);
    else if (isMisspelled(query.kind) && "misses" in args)
      console.log(
        `missed: "${query.q}" → ${query.name}; got ${hits
          .slice(0, 3)
          .map((h) => h.name)
          .join(" / ")}`,
      );
  }
  const where: number[] = [];
  for (const query of queries.slice(0, 500)) {
    const started = performance.now();
    await whereIs(query.sku);
    where.push(performance.now() - started);
  }
  console.log(
    `\n${child ? "HTTP, production build, admin API key" : "in-process (searchEverything / listItemLocations), manager"}, sequential, limit 20`,
  );
  console.log(
    `| ${"what".padEnd(30)} | ${"n".padStart(5)} | ${"p50 ms".padStart(7)} | ${"p95 ms".padStart(7)} | ${"p99 ms".padStart(7)} | ${"max ms".padStart(7)} |`,
  );
  console.log("|---|---|---|---|---|---|");
  summary("search, all queries", all);
  for (const [kind, ms] of byKind) summary(`  ${kind}`, ms);
  summary("where is item X", where);
  console.log("\nrecall: an intended item in the top five");
  for (const kind of MISSPELLINGS) {
    const asked = queries.filter((q) => q.kind === kind).length;
    console.log(`  ${kind.padEnd(15)} ${found.get(kind) ?? 0} of ${asked} (${(((found.get(kind) ?? 0) / asked) * 100).toFixed(1)}%)`);
  }
  const allFound = [...found.values()].reduce((a, b) => a + b, 0);
  const allAsked = queries.filter((q) => isMisspelled(q.kind)).length;
  console.log(`  ${"all misspelled".padEnd(15)} ${allFound} of ${allAsked} (${((allFound / allAsked) * 100).toFixed(1)}%)`);
  if ("tune" in args) await tune(db, queries);
  if ("explain" in args) await explain(db, queries);
} finally {
  child?.kill("SIGTERM");
  await db.$disconnect();
}
process.exit(0);
