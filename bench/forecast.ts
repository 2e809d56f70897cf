/**
 * npm run bench:forecast [-- --validate [--origin=2] --baselines --baselines-only --only=carparts|m3 --m3-all]
 * Method selection of lib/forecast over the car parts data (monthly spare-part demand, last 12 months held out)
 * and the M3 monthly series, from ../shared/data/demand beside the repository. Prints MASE (scaled by the
 * in-sample seasonal naive MAE, m = 12, as carparts_reference_accuracy_Rforecast.csv), RMSSE, bias, interval
 * coverage and run time; M3: sMAPE.
 *
 * --validate: never reads the test months; holds out the last 12 (car parts) or 18 (M3) months of each training
 * part instead. Design choices were made on these figures only. --origin=2 holds out the horizon before those
 * instead (and drops what follows): a second validation period, for a choice one period cannot settle.
 * --baselines: also scores seasonal naive, naive and SES on car parts and Theta alone on M3, to show the scoring
 * reproduces the published references (--baselines-only: nothing else).
 * --m3-all: all 3,003 M3 series (each at its own frequency and horizon) instead of the monthly ones.
 * --call=N: instead, times one POST /api/v1/forecasts body of N monthly series (the last 36 training months of the
 * M3 monthly series, taken in turn), horizon 12, through forecastMany in this process.
 * DEMAND_DATA_DIR overrides the data folder.
 */
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { mase, rmsse, smape } from "../lib/forecast/accuracy";
import { forecastBatch, forecastMany } from "../lib/forecast/forecast-many";
import { prepareHistory } from "../lib/forecast/history";
import { naive, seasonalNaive } from "../lib/forecast/naive";
import { ses } from "../lib/forecast/simple-exponential-smoothing";
import { theta } from "../lib/forecast/theta";

const args = new Set(process.argv.slice(2));
const option = (name: string) => [...args].find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// DEMAND_DATA_DIR serves checkouts that do not sit beside shared/ (git worktrees).
const dataDir = process.env.DEMAND_DATA_DIR ?? path.resolve(repoRoot, "../shared/data/demand");
const validate = args.has("--validate");
/** Which validation period: 1 = the last horizon of each training part, 2 = the one before, … */
const origin = Number(option("origin") ?? 1);
if (!Number.isInteger(origin) || origin < 1 || (option("origin") && !validate)) throw new Error("--origin=N (N ≥ 1) goes with --validate");

type Series = { id: string; train: (number | null)[]; test: (number | null)[]; horizon: number; seasonLength: number };

function readCsv(file: string): string[][] {
  const lines = readFileSync(path.join(dataDir, file), "utf8").trim().split("\n");
  return lines.slice(1).map((line) => line.split(",").map((cell) => cell.replace(/^"|"$/g, "")));
}

/** In validation mode the test months are dropped and the end of the training part takes their place. */
function split(id: string, train: (number | null)[], test: (number | null)[], horizon: number, seasonLength: number): Series {
  if (!validate) return { id, train, test, horizon, seasonLength };
  // A history with nothing to learn from before the period asked gets no test part and drops out of the scores
  // (a negative index would have sliced from the history's end instead).
  const end = train.length - (origin - 1) * horizon;
  const start = end - horizon;
  if (start <= 0) return { id, train: [], test: [], horizon, seasonLength };
  return { id, train: train.slice(0, start), test: train.slice(start, end), horizon, seasonLength };
}

function carParts(): Series[] {
  const byId = new Map<string, { train: (number | null)[]; test: (number | null)[] }>();
  for (const [id, , value, part] of readCsv("carparts_long.csv")) {
    const entry = byId.get(id) ?? { train: [], test: [] };
    byId.set(id, entry);
    (part === "train" ? entry.train : entry.test).push(value === "" || value === "NA" ? null : Number(value));
  }
  return [...byId].map(([id, { train, test }]) => split(id, train, test, test.length, 12));
}

function m3(all: boolean): Series[] {
  const meta = new Map(readCsv("m3_meta.csv").map(([id, period, , nTrain, h, frequency]) => [id, { period, nTrain: +nTrain, h: +h, m: +frequency }]));
  const byId = new Map<string, { train: number[]; test: number[] }>();
  for (const [id, , , value, part] of readCsv("m3_long.csv")) {
    if (!all && meta.get(id)?.period !== "MONTHLY") continue;
    const entry = byId.get(id) ?? { train: [], test: [] };
    byId.set(id, entry);
    (part === "train" ? entry.train : entry.test).push(Number(value));
  }
  return [...byId].map(([id, { train, test }]) => split(id, train, test, meta.get(id)!.h, meta.get(id)!.m));
}

type Scored = {
  mase: number;
  rmsse: number;
  smape: number;
  smapeByStep: number[];
  sumForecast: number;
  sumActual: number;
  inside: Record<string, number>;
  points: number;
};

function score(s: Series, forecast: number[], lower?: Record<string, number[]>, upper?: Record<string, number[]>): Scored {
  const inside: Record<string, number> = { "80": 0, "95": 0 };
  let sumForecast = 0;
  let sumActual = 0;
  let points = 0;
  s.test.forEach((a, k) => {
    if (a === null) return;
    sumForecast += forecast[k];
    sumActual += a;
    points++;
    for (const level of ["80", "95"]) if (lower && upper && a >= lower[level][k] - 1e-9 && a <= upper[level][k] + 1e-9) inside[level]++;
  });
  return {
    mase: mase(s.train, s.test, forecast, s.seasonLength),
    rmsse: rmsse(s.train, s.test, forecast),
    smape: smape(s.test, forecast),
    smapeByStep: s.test.map((a, k) => smape([a], [forecast[k]])),
    sumForecast,
    sumActual,
    inside,
    points,
  };
}

function summarise(label: string, scored: Scored[], seconds?: number) {
  const finite = scored.filter((s) => Number.isFinite(s.mase));
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const rmsseFinite = finite.map((s) => s.rmsse).filter(Number.isFinite);
  const points = finite.reduce((a, s) => a + s.points, 0);
  const coverage = (level: string) => (100 * finite.reduce((a, s) => a + s.inside[level], 0)) / points;
  return {
    label,
    series: finite.length,
    MASE: +mean(finite.map((s) => s.mase)).toFixed(4),
    RMSSE: +mean(rmsseFinite).toFixed(4),
    bias: +(finite.reduce((a, s) => a + s.sumForecast, 0) / finite.reduce((a, s) => a + s.sumActual, 0)).toFixed(3),
    cov80: +coverage("80").toFixed(1),
    cov95: +coverage("95").toFixed(1),
    sMAPE: +mean(scored.map((s) => s.smape).filter(Number.isFinite)).toFixed(3),
    "sMAPE by step": +smapeAveragedByStep(scored).toFixed(3),
    seconds: seconds === undefined ? undefined : +seconds.toFixed(1),
  };
}

/**
 * Makridakis & Hibon (2000) average each step ahead over the series that have it, then the steps: steps 9–18
 * then come from the monthly series alone, which weighs them more than a mean over series does.
 */
function smapeAveragedByStep(scored: Scored[]): number {
  const longest = Math.max(...scored.map((s) => s.smapeByStep.length));
  const steps = Array.from({ length: longest }, (_, k) => scored.map((s) => s.smapeByStep[k]).filter((v) => v !== undefined && Number.isFinite(v)));
  return steps.reduce((sum, values) => sum + values.reduce((a, b) => a + b, 0) / values.length, 0) / longest;
}

function run(series: Series[]) {
  const methods = new Map<string, number>();
  const started = process.hrtime.bigint();
  const scored: Scored[] = new Array(series.length);
  series.forEach((s, i) => {
    if (!s.train.some((v) => v !== null)) scored[i] = score(s, new Array<number>(s.horizon).fill(0));
  });
  // One batch per horizon, as a caller of POST /api/v1/forecasts would send them (M3's periods differ in horizon).
  for (const horizon of new Set(series.map((s) => s.horizon))) {
    const batch = series.flatMap((s, i) => (s.horizon === horizon && !scored[i] ? [i] : []));
    forecastBatch(
      batch.map((i) => ({ values: series[i].train, seasonLength: series[i].seasonLength })),
      horizon,
    ).forEach((result, j) => {
      methods.set(result.method, (methods.get(result.method) ?? 0) + 1);
      scored[batch[j]] = score(series[batch[j]], result.forecast, result.lower, result.upper);
    });
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { scored, seconds, methods: Object.fromEntries([...methods].sort((a, b) => b[1] - a[1])) };
}

/** The published references' baselines, scored the same way: the proof that the scoring matches theirs. */
function baselines(series: Series[]) {
  const lastObserved = (train: (number | null)[]) => train.filter((v): v is number => v !== null);
  return [
    summarise(
      "seasonal naive",
      series.map((s) =>
        score(s, s.train.length >= 12 ? s.train.slice(-12).map((v) => v ?? NaN) : seasonalNaive(lastObserved(s.train), s.horizon, 12)),
      ),
    ),
    summarise(
      "naive",
      series.map((s) => score(s, naive([s.train[s.train.length - 1] ?? NaN], s.horizon, 1))),
    ),
    summarise(
      "ses",
      series.map((s) => {
        const y = prepareHistory(s.train).y;
        return score(s, y.length ? ses(y, s.horizon, 12) : new Array<number>(s.horizon).fill(NaN));
      }),
    ),
  ];
}

/** The cost of one large API call: its series are M3 monthly histories cut to three years. */
function timeOneCall(count: number) {
  const months = m3(false);
  const series = Array.from({ length: count }, (_, i) => ({
    id: `S${i}`,
    period: "month" as const,
    values: months[i % months.length].train.slice(-36),
  }));
  const started = process.hrtime.bigint();
  const answer = forecastMany({ horizon: 12, series });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const global = answer.data.filter((d) => d.method.endsWith(",global)")).length;
  console.log(`one call of ${count} monthly series (36 months each, horizon 12): ${seconds.toFixed(1)} s; ${global} averaged with the global model`);
}

function main() {
  if (!existsSync(path.join(dataDir, "carparts_long.csv"))) {
    console.log(`No demand data in ${dataDir}: skipping the forecast benchmark.`);
    return;
  }
  console.log(
    `${new Date().toISOString()} ${os.cpus()[0]?.model} node ${process.version}${validate ? ` (validation period ${origin}: test months not read)` : ""}`,
  );
  if (option("call")) return timeOneCall(Number(option("call")));
  if (option("only") !== "m3") {
    const series = carParts();
    if (args.has("--baselines")) console.table(baselines(series));
    if (args.has("--baselines-only")) return;
    const { scored, seconds, methods } = run(series);
    console.table([summarise(`car parts (${series.length} series)`, scored, seconds)]);
    console.log("methods chosen:", methods);
  }
  if (option("only") !== "carparts") {
    const series = m3(args.has("--m3-all"));
    if (args.has("--baselines"))
      console.table([
        summarise(
          "theta alone",
          series.map((s) => score(s, theta(s.train as number[], s.horizon, s.seasonLength))),
        ),
      ]);
    if (args.has("--baselines-only")) return;
    const { scored, seconds, methods } = run(series);
    console.table([summarise(`M3 ${args.has("--m3-all") ? "all" : "monthly"} (${series.length} series)`, scored, seconds)]);
    console.log("methods chosen:", methods);
  }
}

main();
