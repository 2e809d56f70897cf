/**
 * How fast the items screen's query is with 100,000 items (target: each case under 100 ms).
 * Run: npx tsx bench/items-table.ts [--runs=20] [--explain] [--keep]   (--keep leaves the database for psql)
 * Makes a fresh database on the local PostgreSQL server (TEST_DATABASE_URL, else 127.0.0.1:5432), fills it with
 * 100,000 items in 120 categories, 11 suppliers, and stock levels for 40% of them across two sites, then times
 * listItemTable as a manager (every site) and as a clerk of one site. Drops the database afterwards.
 */
import os from "node:os";
import pg from "pg";
import { SYSTEM_ACTOR, type Actor } from "../lib/auth/actor";
import { itemTableStatements, listItemTable } from "../lib/catalog/list-item-table";
import { itemTableQuery, type ItemTableQuery } from "../lib/catalog/schemas";
import { createDb, type Db } from "../lib/db/client";
import { Prisma } from "../lib/db/generated/client";
import { applyMigrations } from "../lib/db/schema-engine";
import { withDatabase } from "../lib/db/test-database";
import { createSite } from "../lib/locations/create-site";

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, "").split("=")) as [string, string?][]);
const RUNS = Number(args.runs ?? 20);
const ITEMS = 100_000;
const CHUNK = 5_000;

const SCENARIOS: { name: string; query: ItemTableQuery }[] = [
  { name: "first page, default sort (SKU)", query: {} },
  { name: "sort by available, descending", query: { sort: "available", dir: "desc" } },
  { name: 'text search ("widget 12")', query: { q: "widget 12" } },
  { name: "category filter (a top category)", query: { category: "Category 3" } },
  { name: "status = low", query: { status: "low" } },
];

async function fill(db: Db) {
  const sites = [
    await createSite(db, SYSTEM_ACTOR, { code: "B1", name: "Bench one" }),
    await createSite(db, SYSTEM_ACTOR, { code: "B2", name: "Bench two" }),
  ];
  for (const site of sites) {
    const root = await db.location.findUniqueOrThrow({ where: { code: site.code } });
    await db.location.createMany({
      data: Array.from({ length: 200 }, (_, n) => {
        const code = `${site.code}-${String(n).padStart(3, "0")}`;
        return { siteId: site.id, parentId: root.id, code, name: `Bin ${code}`, type: "bin" as const, path: `${site.code}/${code}` };
      }),
    });
  }
  // 10 top categories with 11 children each: "Category 3" holds a tenth of the catalogue.
  const categories: string[] = [];
  for (let top = 0; top < 10; top++) {
    const parent = await db.category.create({ data: { name: `Category ${top}`, path: `Category ${top}` } });
    categories.push(parent.id);
    for (let sub = 0; sub < 11; sub++) {
      const child = await db.category.create({ data: { name: `Sub ${sub}`, parentId: parent.id, path: `Category ${top} > Sub ${sub}` } });
      categories.push(child.id);
    }
  }
  await db.supplier.createMany({ data: Array.from({ length: 11 }, (_, n) => ({ code: `SUP${n}`, name: `Supplier ${n}` })) });
  const nouns = ["widget", "bolt", "glove", "drill", "cable", "tape", "valve", "filter"];
  for (let start = 0; start < ITEMS; start += CHUNK) {
    await db.item.createMany({
      data: Array.from({ length: Math.min(CHUNK, ITEMS - start) }, (_, k) => {
        const n = start + k;
        const sku = `BN-${String(n).padStart(6, "0")}`;
        return {
          sku,
          skuKey: sku.toLowerCase(),
          name: `${nouns[n % nouns.length]} ${n}`,
          categoryId: categories[n % categories.length],
          tracking: n % 10 === 0 ? ("lot" as const) : ("none" as const),
        };
      }),
    });
  }
  // Bulk facts straight in SQL: every item's reorder point (its item-wide default threshold), one supplier link and one barcode per item; levels for 40% of the items, in one
  // to three bins over both sites, some reserved.
  await db.$executeRaw`
    INSERT INTO "StockThreshold" (id, "itemId", "reorderPoint", "updatedAt", "updatedBy")
    SELECT gen_random_uuid(), i.id, (substr(i.sku, 4)::int * 7) % 50, now(), 'bench' FROM "Item" i`;
  await db.$executeRaw`
    INSERT INTO "ItemSupplier" ("itemId", "supplierId", currency, preferred)
    SELECT i.id, s.id, 'EUR', true FROM "Item" i JOIN "Supplier" s ON s.code = 'SUP' || (substr(i.sku, 4)::int % 11)`;
  await db.$executeRaw`
    INSERT INTO "Barcode" (id, "itemId", kind, code) SELECT gen_random_uuid(), i.id, 'alias', 'BC' || substr(i.sku, 4) FROM "Item" i`;
  await db.$executeRaw`
    WITH stocked AS (SELECT id, substr(sku, 4)::int AS n FROM "Item" WHERE substr(sku, 4)::int % 5 < 2),
    bins AS (SELECT id, row_number() OVER (ORDER BY code) - 1 AS k FROM "Location" WHERE type = 'bin')
    INSERT INTO "StockLevel" (id, "itemId", "locationId", "lotId", "isVirtual", "onHand", reserved, "updatedAt")
    SELECT gen_random_uuid(), s.id, b.id, NULL, false, q.on_hand, q.on_hand / 10 * (s.n % 2), now()
    FROM stocked s
    CROSS JOIN LATERAL generate_series(0, s.n % 3) AS copy(c)
    JOIN bins b ON b.k = (s.n * 7 + copy.c * 211) % 400
    CROSS JOIN LATERAL (SELECT ((s.n * 31 + copy.c * 17) % 120) AS on_hand) q`;
  await db.$executeRawUnsafe("ANALYZE");
  const clerkSite = sites[0].id;
  return { clerkSite };
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];
}

async function time(db: Db, actor: Actor, query: ItemTableQuery) {
  for (let i = 0; i < 3; i++) await listItemTable(db, actor, query); // warm the pool and the plans
  const ms: number[] = [];
  let total = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    total = (await listItemTable(db, actor, query)).total;
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 0.5), max: ms[ms.length - 1], total };
}

async function explain(db: Db, actor: Actor, query: ItemTableQuery) {
  const statements = itemTableStatements(actor, itemTableQuery.parse(query));
  for (const [label, statement] of Object.entries(statements)) {
    const plan = await db.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${statement}`);
    console.log(`  -- ${label}\n${plan.map((line) => `  ${line["QUERY PLAN"]}`).join("\n")}`);
  }
}

console.log(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${new Date().toISOString()}`,
);
const server = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const name = `stockroom_bench_items_${Date.now()}`;
const admin = new pg.Client({ connectionString: server });
await admin.connect();
await admin.query(`CREATE DATABASE "${name}"`);
const url = withDatabase(server, name);
const db = createDb(url, 4);
try {
  await applyMigrations(url);
  const filling = performance.now();
  const { clerkSite } = await fill(db);
  const [{ levels }] = await db.$queryRaw<{ levels: bigint }[]>`SELECT count(*) AS levels FROM "StockLevel"`;
  console.log(
    `filled ${ITEMS.toLocaleString("en")} items, ${Number(levels).toLocaleString("en")} stock levels in ${((performance.now() - filling) / 1000).toFixed(1)} s`,
  );
  const actors: [string, Actor][] = [
    ["manager (every site)", { type: "user", id: "bench-manager", label: "bench manager", role: "manager", sites: "all" }],
    ["clerk (one site)", { type: "user", id: "bench-clerk", label: "bench clerk", role: "clerk", sites: [clerkSite] }],
  ];
  for (const [who, actor] of actors) {
    console.log(`\n${who}: ${RUNS} runs each, page of 25, rows and count together`);
    console.log(`${"scenario".padEnd(36)} ${"p50 ms".padStart(8)} ${"max ms".padStart(8)} ${"matches".padStart(9)}`);
    for (const scenario of SCENARIOS) {
      const { p50, max, total } = await time(db, actor, scenario.query);
      console.log(
        `${scenario.name.padEnd(36)} ${p50.toFixed(1).padStart(8)} ${max.toFixed(1).padStart(8)} ${total.toLocaleString("en").padStart(9)}`,
      );
      if ("explain" in args) await explain(db, actor, scenario.query);
    }
  }
} finally {
  await db.$disconnect();
  if ("keep" in args) console.log(`\nkept ${url}`);
  else await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
process.exit(0);
