/**
 * npm run bench:suggestions [-- --url=postgresql://… --runs=5] — purchase suggestions (lib/purchasing/
 * suggest-purchases.ts) for each site of the large data set (`npm run bench:dataset` first: 200,000 items, each
 * with an item-wide reorder point, 2 sites, 1,000,000 stock levels, two items in five with a supplier). Times one
 * warm-up and then `runs` calls per site, in process; the aim (issue 15) is both sites in under 5 seconds.
 */
import os from "node:os";
import { SYSTEM_ACTOR } from "../lib/auth/actor";
import { createDb } from "../lib/db/client";
import { suggestPurchases } from "../lib/purchasing/suggest-purchases";

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, "").split("=")) as [string, string][]);
const url = args.url ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/stockroom_bench_large";
const runs = Number(args.runs ?? 5);
const db = createDb(url, 2);

const sites = await db.site.findMany({ select: { code: true }, orderBy: { code: "asc" } });
const [items, thresholds] = await Promise.all([db.item.count(), db.stockThreshold.count()]);
console.log(
  `${items.toLocaleString("en")} items, ${thresholds.toLocaleString("en")} thresholds, sites ${sites.map((s) => s.code).join(", ")}; ` +
    `${os.cpus().length} × ${os.cpus()[0]?.model}, node ${process.version}, ${new Date().toISOString()}`,
);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const totals: number[] = [];
for (let run = 0; run <= runs; run++) {
  let total = 0;
  const lines: string[] = [];
  for (const { code } of sites) {
    const started = performance.now();
    const answer = await suggestPurchases(db, SYSTEM_ACTOR, { site: code });
    const ms = performance.now() - started;
    total += ms;
    lines.push(`${code}: ${ms.toFixed(0)} ms, ${answer.data.length} suppliers, ${answer.data.reduce((n, g) => n + g.lines.length, 0)} lines`);
  }
  console.log(`${run === 0 ? "warm-up" : `run ${run}`}: ${lines.join(" · ")} · both sites ${total.toFixed(0)} ms`);
  if (run > 0) totals.push(total);
}
console.log(
  `both sites, median of ${runs}: ${median(totals).toFixed(0)} ms (min ${Math.min(...totals).toFixed(0)}, max ${Math.max(...totals).toFixed(0)})`,
);
await db.$disconnect();
