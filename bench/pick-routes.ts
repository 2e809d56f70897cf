/**
 * npm run bench:routes [-- --lists=100 --lines=40 --seed=1]
 * Pick-route planning on a 5,000-bin site (lib/routing, in process, no database): a layout from
 * generateRackBins (10 aisles × 20 racks × 5 positions × 5 levels, cross-aisles front, middle and back, a dock
 * at the front), then random pick lists of 40 lines. Reports the average walk of the planned route against the
 * naive order (bins sorted by code; targets: at least 25 % shorter) and the compute time per list (target:
 * p95 under 200 ms, the walking graph built once per map version as the app caches it).
 */
import { performance } from "node:perf_hooks";
import { generateRackBins } from "../lib/maps/generate-rack-bins";
import { buildWalkingGraph } from "../lib/routing/build-walking-graph";
import { planPickRoute } from "../lib/routing/plan-pick-route";
import { percentile } from "./percentile";

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, "").split("=")) as [string, string][]);
const LISTS = Number(args.lists ?? 100);
const LINES = Number(args.lines ?? 40);
let seed = Number(args.seed ?? 1);

/** mulberry32: a small seeded generator, so runs are comparable. */
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const layout = generateRackBins({
  prefix: "A",
  aisles: 10,
  racks: 20,
  levels: 5,
  positions: 5,
  origin: { x: 2, y: 6 },
  binWidth: 1.2,
  binDepth: 1,
  aisleWidth: 3,
  crossAisleEvery: 5,
});
const dock = { id: "dock", kind: "dock", x: 2, y: 0, width: 6, height: 3 };
const shapes = [dock, ...layout.shapes];
const codes = layout.bins.map((b) => b.code);

const buildStarted = performance.now();
const graph = buildWalkingGraph(shapes);
const buildMs = performance.now() - buildStarted;

const times: number[] = [];
let routed = 0;
let naive = 0;
let worstRatio = 0;
for (let list = 0; list < LISTS; list++) {
  const stops = Array.from({ length: LINES }, () => codes[Math.floor(random() * codes.length)]);
  const started = performance.now();
  const route = planPickRoute(graph, stops);
  times.push(performance.now() - started);
  routed += route.length;
  naive += route.naiveLength;
  worstRatio = Math.max(worstRatio, route.length / route.naiveLength);
}
times.sort((a, b) => a - b);
const fmt = (n: number, digits = 1) => n.toFixed(digits);

console.log(
  `\nPick routes: ${codes.length.toLocaleString("en")} bins, ${layout.shapes.length.toLocaleString("en")} shapes, ${LISTS} lists of ${LINES} lines (seed ${args.seed ?? 1})\n`,
);
console.log("| measure | value |");
console.log("|---|---|");
console.log(`| average walk, naive order (bins by code) | ${fmt(naive / LISTS)} m |`);
console.log(`| average walk, planned route | ${fmt(routed / LISTS)} m |`);
console.log(`| shorter than naive (average) | ${fmt((1 - routed / naive) * 100)} % |`);
console.log(`| worst list, route / naive | ${fmt(worstRatio * 100)} % |`);
console.log(`| compute per list, p50 | ${fmt(percentile(times, 0.5), 2)} ms |`);
console.log(`| compute per list, p95 | ${fmt(percentile(times, 0.95), 2)} ms |`);
console.log(`| compute per list, max (first list warms the graph) | ${fmt(times.at(-1)!, 2)} ms |`);
console.log(`| walking graph build (once per map version) | ${fmt(buildMs, 2)} ms |`);
