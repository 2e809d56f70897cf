/**
 * Two years of demo history for a few dozen untracked items at both sites, so that a newcomer's first dashboard,
 * valuation, reports and forecasts have something to show. Everything goes through the real ledger
 * (postMovements, dated with occurredAt), so it is valued as it is posted: one batch per site per week (receipts
 * at the supplier's price of the day, sales, damage, losses) and a count batch each quarter. Weekly, not daily:
 * daily batches would take the seed on the embedded database past its 30 s budget.
 *
 * Each item ends the two years with exactly the quantity the demo would otherwise open with, in the same bin, so
 * the rest of the demo (and the e2e specs that read it) is unchanged.
 */
import { SYSTEM_ACTOR } from "../lib/auth/actor";
import type { Db } from "../lib/db/client";
import { postMovements } from "../lib/ledger/post-movement";
import type { MovementInput } from "../lib/ledger/schemas";
import { revalueItems } from "../lib/valuation/revalue-item";

type Profile = "steady" | "seasonal" | "spare" | "slow";

/** Mean units a week, and the kind of demand. Seasonal items peak in the northern winter (gloves, boxes, lights). */
const HISTORY: Record<string, { profile: Profile; perWeek: number }> = {
  "FS-SCR-0001": { profile: "steady", perWeek: 30 },
  "FS-SCR-0002": { profile: "steady", perWeek: 18 },
  "FS-SCR-0003": { profile: "steady", perWeek: 12 },
  "FS-SCR-0004": { profile: "steady", perWeek: 8 },
  "FS-BLT-0001": { profile: "steady", perWeek: 25 },
  "FS-NUT-0001": { profile: "steady", perWeek: 40 },
  "PK-TPE-0001": { profile: "steady", perWeek: 60 },
  "PK-TPE-0002": { profile: "steady", perWeek: 35 },
  "EL-CAB-0001": { profile: "steady", perWeek: 120 },
  "EL-CAB-0002": { profile: "steady", perWeek: 70 },
  "SF-GLV-0001": { profile: "seasonal", perWeek: 14 },
  "SF-GLV-0002": { profile: "seasonal", perWeek: 9 },
  "SF-GLV-0005": { profile: "seasonal", perWeek: 45 },
  "SF-HVS-0001": { profile: "seasonal", perWeek: 30 },
  "PK-BOX-0001": { profile: "seasonal", perWeek: 20 },
  "PK-BOX-0002": { profile: "seasonal", perWeek: 12 },
  "PK-BOX-0003": { profile: "seasonal", perWeek: 8 },
  "EL-LGT-0001": { profile: "seasonal", perWeek: 25 },
  "PT-SAW-0009": { profile: "spare", perWeek: 1.2 },
  "PT-SAW-0010": { profile: "spare", perWeek: 0.8 },
  "PT-SAW-0011": { profile: "spare", perWeek: 0.5 },
  "PT-GRD-0005": { profile: "spare", perWeek: 1.5 },
  "PT-GRD-0007": { profile: "spare", perWeek: 0.6 },
  "FS-ANC-0006": { profile: "spare", perWeek: 0.7 },
  "FS-BLT-0005": { profile: "slow", perWeek: 0.15 },
  "EL-LGT-0010": { profile: "slow", perWeek: 0.1 },
  "SF-HVS-0005": { profile: "slow", perWeek: 0.12 },
  "PK-BOX-0008": { profile: "slow", perWeek: 0.2 },
};

/**
 * Every costing method shows in the demo: boxes are valued at their category's moving average, a few items at
 * their own average or standard cost, the rest at the installation's FIFO; one item moves to standard cost a year
 * ago, with its revaluation entry.
 */
export const DEMO_CATEGORY_METHODS: Record<string, "average"> = { "Packaging > Boxes": "average" };
export const DEMO_ITEM_METHODS: Record<string, "average" | "standard"> = {
  "EL-CAB-0001": "average",
  "FS-NUT-0001": "average",
  "PT-GRD-0005": "standard",
  "PT-SAW-0009": "standard",
};
const CHANGES_TO_STANDARD = "FS-SCR-0002";

export const HISTORY_WEEKS = 104;
const COUNT_WEEKS = new Set([6, 19, 32, 45, 58, 71, 84, 97]);
const DAY = 86_400_000;

export function hasDemoHistory(sku: string) {
  return sku in HISTORY;
}

export type HistoryItem = { sku: string; bin: string; unitCost: string; openingQty: number };

/** Weekly demand: Poisson around a mean that swings with the season for seasonal items. */
function demandOf(profile: Profile, perWeek: number, weekStart: Date, random: () => number): number {
  const dayOfYear = (weekStart.getTime() - Date.UTC(weekStart.getUTCFullYear(), 0, 1)) / DAY;
  // Peaks in early January, lowest in early July.
  const season = profile === "seasonal" ? 1 + 0.6 * Math.cos((2 * Math.PI * dayOfYear) / 365) : 1;
  const mean = perWeek * season;
  if (profile === "spare" || profile === "slow") return random() < Math.min(0.9, mean) ? 1 + Math.floor(random() * 2) : 0;
  let k = 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * (random() + random() + random() - 1.5) * 2));
  for (let p = Math.exp(-mean), s = p, u = random(); u > s; k++) s += p *= mean / (k + 1);
  return k;
}

/** The supplier's price in week `week`: a rise of a few per cent about every 26 weeks. In 1/10,000 of a unit. */
function priceOf(unitCost: string, week: number, sku: string): string {
  const base = Math.round(Number(unitCost) * 10_000);
  const steps = Math.floor(week / 26);
  const drift = sku.charCodeAt(sku.length - 1) % 3; // 0–2 % a step, varying by item
  const price = Math.round(base * (1 - 0.06 + steps * (0.01 + drift / 100)));
  return `${Math.floor(price / 10_000)}.${String(price % 10_000).padStart(4, "0")}`;
}

type Stock = { item: HistoryItem; onHand: number; profile: Profile; perWeek: number };

/** One week at a site: sales within what is on hand, some damage and loss, and a receipt when running low. */
function weekOf(stocks: Stock[], week: number, weekStart: Date, random: () => number): MovementInput[] {
  const last = week === HISTORY_WEEKS - 1;
  const lines: MovementInput[] = [];
  for (const stock of stocks) {
    const { item, profile, perWeek } = stock;
    let sold = Math.min(stock.onHand, demandOf(profile, perWeek, weekStart, random));
    const damaged = profile !== "slow" && stock.onHand - sold > 2 && random() < 0.04 ? 1 : 0;
    const lost = profile === "steady" && stock.onHand - sold - damaged > 2 && random() < 0.015 ? 1 + Math.floor(random() * 2) : 0;
    let left = stock.onHand - sold - damaged - lost;
    let received = 0;
    if (last) {
      // The last week leaves exactly the quantity the demo opens with.
      if (left > item.openingQty) sold += left - item.openingQty;
      else received = item.openingQty - left;
    } else {
      const reorderAt = Math.max(2, Math.ceil(perWeek * 2));
      if (week === 0 || left < reorderAt) received = Math.max(item.openingQty, Math.ceil(perWeek * 6)) - left;
    }
    left = stock.onHand - sold - damaged - lost + received;
    stock.onHand = left;
    const base = { sku: item.sku, reference: `DEMO-W${String(week + 1).padStart(3, "0")}` };
    if (sold > 0) lines.push({ ...base, kind: "issue", from: item.bin, quantity: sold, reason: "sold" });
    if (damaged > 0) lines.push({ ...base, kind: "damage", from: item.bin, quantity: damaged, reason: "damaged" });
    if (lost > 0) lines.push({ ...base, kind: "loss", from: item.bin, quantity: lost, reason: "lost" });
    if (received > 0)
      lines.push({
        ...base,
        kind: "receive",
        to: item.bin,
        quantity: received,
        reason: "received",
        unitCost: priceOf(item.unitCost, week, item.sku),
      });
  }
  return lines;
}

/** A quarterly count: most items agree with the books, some are a unit or two off either way. */
function countOf(stocks: Stock[], week: number, random: () => number): MovementInput[] {
  return stocks.flatMap((stock) => {
    if (stock.profile === "slow" || random() > 0.35) return [];
    const difference = random() < 0.6 ? -1 - Math.floor(random() * 2) : 1;
    const counted = Math.max(0, stock.onHand + difference);
    stock.onHand = counted;
    return [
      { sku: stock.item.sku, kind: "count" as const, from: stock.item.bin, quantity: counted, reason: "count", reference: `DEMO-COUNT-W${week + 1}` },
    ];
  });
}

/**
 * Posts the history of each site's items, week by week from two years before `today`, the sites in turn. Items
 * start with no stock there; the first week receives them.
 */
export async function seedHistory(db: Db, sites: HistoryItem[][], random: () => number, today: Date) {
  const stocksBySite: Stock[][] = sites.map((items) => items.map((item) => ({ item, onHand: 0, ...HISTORY[item.sku] })));
  const start = new Date(today.getTime() - HISTORY_WEEKS * 7 * DAY);
  for (let week = 0; week < HISTORY_WEEKS; week++) {
    const weekStart = new Date(start.getTime() + week * 7 * DAY);
    if (week === 52) await changeToStandard(db, sites.flat(), weekStart);
    const wednesday = new Date(weekStart.getTime() + 2 * DAY + 10 * 3_600_000).toISOString();
    const friday = new Date(weekStart.getTime() + 4 * DAY + 15 * 3_600_000).toISOString();
    for (const stocks of stocksBySite) {
      await post(db, weekOf(stocks, week, weekStart, random), wednesday);
      if (COUNT_WEEKS.has(week)) await post(db, countOf(stocks, week, random), friday);
    }
  }
  await recordAsHappened(db);
}

/**
 * The demo pretends Stockroom was in use all along, so its history was also recorded as it happened: the
 * movement journal, an item's history and the dashboard's recent activity go by when a movement was recorded
 * (`at`), and would show two years of history as recorded today. The ledger is append-only: its guard is lifted for this one statement, in a transaction that
 * holds the table's lock throughout, so no other session ever sees it lifted (as the valuation migration does).
 */
async function recordAsHappened(db: Db) {
  await db.$transaction([
    db.$executeRawUnsafe(`ALTER TABLE "StockMovement" DISABLE TRIGGER "StockMovement_append_only"`),
    db.$executeRaw`UPDATE "StockMovement" SET at = "occurredAt" WHERE reference LIKE 'DEMO-%' AND at <> "occurredAt"`,
    db.$executeRawUnsafe(`ALTER TABLE "StockMovement" ENABLE TRIGGER "StockMovement_append_only"`),
  ]);
}

async function post(db: Db, lines: MovementInput[], occurredAt: string) {
  if (lines.length > 0)
    await postMovements(
      db,
      SYSTEM_ACTOR,
      lines.map((line) => ({ ...line, occurredAt })),
    );
}

/** A year ago, one item moved from FIFO to standard cost (at what it then cost), revalued at every site from that day. */
async function changeToStandard(db: Db, items: HistoryItem[], day: Date) {
  const item = items.find((i) => i.sku === CHANGES_TO_STANDARD);
  if (!item) return;
  const row = await db.item.findUnique({ where: { skuKey: item.sku.toLowerCase() }, select: { id: true, costingMethod: true } });
  if (!row || row.costingMethod === "standard") return;
  await db.$transaction(async (tx) => {
    await tx.item.update({ where: { id: row.id }, data: { costingMethod: "standard", standardCost: priceOf(item.unitCost, 52, item.sku) } });
    await revalueItems(tx, [row.id], day.toISOString().slice(0, 10));
  });
}
