/**
 * npm run bench:search [-- --url=postgresql://… --http --tune --explain]
 * Search and "where is item X" against the large catalogue of scripts/generate-large-dataset.ts (run
 * `npm run bench:dataset` first; default database stockroom_bench_large on 127.0.0.1:5432).
 * Targets: search p95 < 50 ms and p99 < 150 ms; where-is p95 < 20 ms; misspelled queries find their item in the
 * top five.
 *
 * 1,000 queries, made deterministically from the data (seeded PRNG over items picked by a hash of their SKU):
 * 150 exact SKUs, 150 scanned barcodes (GTIN-13), 100 SKU prefixes, 50 supplier SKUs, 50 lot numbers, 300 full
 * names with one or two typos in every word of four letters or more (substitution, deletion, doubled letter or
 * swapped neighbours, never the first letter; short words and sizes as written), 200 correct multi-word queries
 * (brand + product, some with the size). Run one after another (latency, not throughput).
 *
 * --http: through GET /api/v1/search and /api/v1/items/{sku}/locations of the existing production build (npm
 * start's scripts/start.ts with STOCKROOM_SKIP_BUILD=1 on port 3210, an admin key from
 * STOCKROOM_BOOTSTRAP_API_KEY); refused when the build has no such routes. Without it: in-process, calling
 * searchEverything and listItemLocations with a Prisma client of 4 connections, as a manager (every site).
 * --tune: recall and candidate counts of the misspelled queries at several word-similarity thresholds.
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
import { codesAndWordsStatement, misspelledStatement, stockStatement } from "../lib/search/search-statements";
import { searchTerms } from "../lib/search/search-terms";
import { startApp } from "./bench-server";

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, "").split("=")) as [string, string?][]);
const url = args.url ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/stockroom_bench_large";
const PORT = 3210;
const KEY = "bench-search-key-0123456789abcdef";
const MANAGER: Actor = { type: "user", id: "bench-manager", label: "bench manager", role: "manager", sites: "all" };

type Kind = "sku" | "barcode" | "prefix" | "supplierSku" | "lot" | "misspelled" | "words";
type Query = { kind: Kind; q: string; sku: string; name: string };

/** mulberry32: a small seeded PRNG, so every run asks the same questions. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYBOARD_NEIGHBOURS: Record<string, string> = {
  a: "sq", b: "vn", c: "xv", d: "sf", e: "wr", f: "dg", g: "fh", h: "gj", i: "uo", j: "hk", k: "jl", l: "k", m: "n", n: "bm",
  o: "ip", p: "o", q: "wa", r: "et", s: "ad", t: "ry", u: "yi", v: "cb", w: "qe", x: "zc", y: "tu", z: "x",
};

/** One typo at a position after the first letter: substitution by a neighbouring key, deletion, doubling, swap. */
function typo(word: string, rnd: () => number): string {
  const at = 1 + Math.floor(rnd() * (word.length - 1));
  const letter = word[at].toLowerCase();
  switch (Math.floor(rnd() * 4)) {
    case 0: {
      const near = KEYBOARD_NEIGHBOURS[letter] ?? "e";
      return word.slice(0, at) + near[Math.floor(rnd() * near.length)] + word.slice(at + 1);
    }
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    case 2:
      return word.slice(0, at) + word[at] + word.slice(at);
    default:
      return at < word.length - 1 ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2) : word.slice(0, at);
  }
}

/** Every word of four letters or more gets one typo, the longer ones (seven or more) sometimes two. */
function misspell(name: string, rnd: () => number): string {
  return name
    .split(" ")
    .map((word) => {
      if (word.length < 4 || !/^\p{L}/u.test(word)) return word;
      const once = typo(word, rnd);
      return word.length >= 7 && rnd() < 0.5 ? typo(once, rnd) : once;
    })
    .join(" ")
    .toLowerCase();
}

async function makeQueries(db: Db): Promise<Query[]> {
  const items = await db.$queryRaw<{ sku: string; name: string; gtin: string; supplierSku: string | null; lot: string | null }[]>`
    SELECT i.sku, i.name, (SELECT b.code FROM "Barcode" b WHERE b."itemId" = i.id AND b.kind = 'gtin' LIMIT 1) AS gtin,
      (SELECT x."supplierSku" FROM "ItemSupplier" x WHERE x."itemId" = i.id LIMIT 1) AS "supplierSku",
      (SELECT lo.number FROM "Lot" lo WHERE lo."itemId" = i.id ORDER BY lo.number LIMIT 1) AS lot
    FROM "Item" i ORDER BY md5(i.sku) LIMIT 3000`;
  const rnd = random(20261127);
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
  take("misspelled", 300, (i) => misspell(i.name, rnd));
  take("words", 200, (i) => {
    const words = i.name.split(" ");
    const size = rnd() < 0.5 ? ` ${words.slice(-1)[0]}` : "";
    return `${words[0]} ${words.slice(2, -1).join(" ")}${size}`.toLowerCase().replace(/ (mm|in|ml|m)$/, "");
  });
  return queries;
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)];
}

function summary(label: string, ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1).padStart(7);
  console.log(`| ${label.padEnd(30)} | ${String(ms.length).padStart(5)} | ${f(percentile(sorted, 0.5))} | ${f(percentile(sorted, 0.95))} | ${f(percentile(sorted, 0.99))} | ${f(sorted[sorted.length - 1])} |`);
}

/** The intended item among the first five, by SKU, or by the same name (names repeat now and then). */
const isFound = (query: Query, hits: SearchHit[]) =>
  hits.slice(0, 5).some((h) => h.type === "item" && (h.sku === query.sku || h.name === query.name));

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
 * similarity 1 turns the vocabulary off (no typed word has a correction), leaving the whole-query fallback.
 */
async function tune(db: Db, queries: Query[]) {
  console.log("\nmisspelling statement alone, misspelled queries, limit 5");
  console.log("| similarity (vocabulary) | word_similarity (fallback) | recall@5 | ms p50 | ms p95 | ms p99 |");
  console.log("|---|---|---|---|---|---|");
  const misspelled = queries.filter((q) => q.kind === "misspelled");
  const pairs = "pairs" in args ? JSON.parse(args.pairs!) as number[][] : [[1, 0.5], [1, 0.4], [1, 0.3], [0.4, 0.4], [0.3, 0.4], [0.25, 0.4], [0.2, 0.4], [0.2, 0.35], [0.2, 0.3]];
  for (const [similarity, wordSimilarity] of pairs) {
    let found = 0;
    const ms: number[] = [];
    for (const query of misspelled) {
      const params = searchQuery.parse({ q: query.q, limit: 5 });
      const started = performance.now();
      const [, , hits] = await db.$transaction([
        db.$executeRawUnsafe(`SET LOCAL pg_trgm.similarity_threshold = ${similarity}`),
        db.$executeRawUnsafe(`SET LOCAL pg_trgm.word_similarity_threshold = ${wordSimilarity}`),
        db.$queryRaw<SearchHit[]>(misspelledStatement(MANAGER, params, searchTerms(query.q))),
      ]);
      ms.push(performance.now() - started);
      if (isFound(query, hits)) found++;
    }
    const sorted = [...ms].sort((a, b) => a - b);
    const f = (p: number) => percentile(sorted, p).toFixed(1);
    console.log(`| ${similarity === 1 ? "1 (off)" : similarity} | ${wordSimilarity} | ${((found / misspelled.length) * 100).toFixed(1)}% | ${f(0.5)} | ${f(0.95)} | ${f(0.99)} |`);
  }
}

async function explain(db: Db, queries: Query[]) {
  const print = async (label: string, statement: Prisma.Sql) => {
    const [, , plan] = await db.$transaction([
      db.$executeRawUnsafe(`SET LOCAL pg_trgm.similarity_threshold = ${MISSPELLING_THRESHOLDS.similarity}`),
      db.$executeRawUnsafe(`SET LOCAL pg_trgm.word_similarity_threshold = ${MISSPELLING_THRESHOLDS.wordSimilarity}`),
      db.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${statement}`),
    ]);
    console.log(`\n-- ${label}\n${plan.map((line) => line["QUERY PLAN"]).join("\n")}`);
  };
  for (const kind of ["sku", "barcode", "words", "misspelled"] as Kind[]) {
    const query = queries.find((q) => q.kind === kind)!;
    const params = searchQuery.parse({ q: query.q });
    await print(`codes and words: ${kind} "${query.q}"`, codesAndWordsStatement(MANAGER, params, searchTerms(query.q)));
    if (kind === "misspelled") await print(`misspelled: "${query.q}"`, misspelledStatement(MANAGER, params, searchTerms(query.q)));
  }
  const [item] = await db.$queryRaw<{ id: string; sku: string }[]>`SELECT id, sku FROM "Item" WHERE sku = ${queries[0].sku}`;
  await print(`stock of the answer (one item)`, stockStatement(MANAGER, searchQuery.parse({ q: "x" }), [item.id], []));
  await print(`where is ${item.sku}`, itemLocationsStatement(MANAGER, item.sku));
}

console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${new Date().toISOString()}`);
const db = createDb(url, 4);
const queries = await makeQueries(db);
const [{ items }] = await db.$queryRaw<{ items: bigint }[]>`SELECT count(*) AS items FROM "Item"`;
console.log(`${Number(items).toLocaleString("en")} items; ${queries.length} queries: ${[...new Set(queries.map((q) => q.kind))].map((k) => `${queries.filter((q) => q.kind === k).length} ${k}`).join(", ")}`);
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
  let found = 0;
  for (const query of queries) {
    const started = performance.now();
    const hits = await search(query.q);
    const ms = performance.now() - started;
    all.push(ms);
    byKind.set(query.kind, [...(byKind.get(query.kind) ?? []), ms]);
    if (query.kind === "misspelled" && isFound(query, hits)) found++;
    else if (query.kind === "misspelled" && "misses" in args) console.log(`missed: "${query.q}" → ${query.name}; got ${hits.slice(0, 3).map((h) => h.name).join(" / ")}`);
  }
  const where: number[] = [];
  for (const query of queries.slice(0, 500)) {
    const started = performance.now();
    await whereIs(query.sku);
    where.push(performance.now() - started);
  }
  console.log(`\n${child ? "HTTP, production build, admin API key" : "in-process (searchEverything / listItemLocations), manager"}, sequential, limit 20`);
  console.log(`| ${"what".padEnd(30)} | ${"n".padStart(5)} | ${"p50 ms".padStart(7)} | ${"p95 ms".padStart(7)} | ${"p99 ms".padStart(7)} | ${"max ms".padStart(7)} |`);
  console.log("|---|---|---|---|---|---|");
  summary("search, all queries", all);
  for (const [kind, ms] of byKind) summary(`  ${kind}`, ms);
  summary("where is item X", where);
  const misspelled = queries.filter((q) => q.kind === "misspelled").length;
  console.log(`\nrecall: the intended item in the top five for ${found} of ${misspelled} misspelled queries (${((found / misspelled) * 100).toFixed(1)}%)`);
  if ("tune" in args) await tune(db, queries);
  if ("explain" in args) await explain(db, queries);
} finally {
  child?.kill("SIGTERM");
  await db.$disconnect();
}
process.exit(0);
