// The dashboard's tiles drawn from the reports' rows (lib/reports): pure summaries, so each report's rule stays in
// its report and the tile only adds up what the report answered.
import { sumAmounts } from "../money/fixed-point";
import type { ReportRow } from "../reports/report";
import type { ManagerDashboard } from "./schemas";

const TOP_MOVERS = 10;
const TOP_ROWS = 5;

const num = (value: ReportRow[string]) => Number(value ?? 0);
const text = (value: ReportRow[string]) => String(value ?? "");

/** Units issued per item (all sites of the answer together), most first, ties by SKU: the top ten movers. */
export function topMovers(items: readonly { sku: string; name: string; units: number }[]): ManagerDashboard["topMovers"] {
  const byItem = new Map<string, { sku: string; name: string; units: number }>();
  for (const { sku, name, units } of items) {
    const entry = byItem.get(sku);
    if (entry) entry.units += units;
    else byItem.set(sku, { sku, name, units });
  }
  return [...byItem.values()].sort((a, b) => b.units - a.units || a.sku.localeCompare(b.sku)).slice(0, TOP_MOVERS);
}

export function unitsIssued(cells: readonly { units: number }[]): number {
  return cells.reduce((sum, cell) => sum + cell.units, 0);
}

/** Items (item × site lines) per ABC × XYZ cell, all nine cells in reading order (AX, AY, AZ, BX …). */
export function abcXyzCells(counted: readonly { abc: string; xyz: string; items: number }[]): ManagerDashboard["abcXyz"] {
  const cells = (["A", "B", "C"] as const).flatMap((abc) => (["X", "Y", "Z"] as const).map((xyz) => ({ abc, xyz, items: 0 })));
  const byClass = new Map(cells.map((cell) => [`${cell.abc}${cell.xyz}`, cell]));
  for (const { abc, xyz, items } of counted) {
    const cell = byClass.get(`${abc}${xyz}`);
    if (cell) cell.items += items;
  }
  return { items: cells.reduce((sum, cell) => sum + cell.items, 0), cells };
}

/** The dead-stock report's rows come dead first, most on hand first: its head is the top of the tile. */
export function deadStock(rows: ReportRow[]): ManagerDashboard["deadStock"] {
  const dead = rows.filter((row) => row.status === "dead");
  return {
    dead: dead.length,
    slow: rows.length - dead.length,
    deadUnits: dead.reduce((sum, row) => sum + num(row.onHand), 0),
    top: dead.slice(0, TOP_ROWS).map((row) => ({
      sku: text(row.sku),
      name: text(row.name),
      site: text(row.site),
      onHand: num(row.onHand),
      lastIssuedAt: row.lastIssuedAt === null ? null : text(row.lastIssuedAt),
    })),
  };
}

/** Net shrinkage per reason, the sites of the answer added together, most lost first. */
export function shrinkage(rows: ReportRow[]): ManagerDashboard["shrinkage"] {
  const byReason = new Map<string, ManagerDashboard["shrinkage"]["byReason"][number]>();
  for (const row of rows) {
    const reason = text(row.reason);
    const entry = byReason.get(reason) ?? { reason, label: text(row.reasonLabel), unitsOut: 0, unitsBack: 0, netUnits: 0 };
    entry.unitsOut += num(row.unitsOut);
    entry.unitsBack += num(row.unitsBack);
    entry.netUnits += num(row.netUnits);
    byReason.set(reason, entry);
  }
  const list = [...byReason.values()].sort((a, b) => b.netUnits - a.netUnits || a.reason.localeCompare(b.reason));
  return { netUnits: list.reduce((sum, r) => sum + r.netUnits, 0), byReason: list };
}

/** Expiring lots in units, and their value (the report's `value` column, when it has one) added as exact decimals. */
export function expiring(rows: ReportRow[], withinDays: number, columnKeys: readonly string[]): ManagerDashboard["expiring"] {
  const hasValue = columnKeys.includes("value");
  return {
    withinDays,
    lots: rows.length,
    units: rows.reduce((sum, row) => sum + num(row.onHand), 0),
    expiredUnits: rows.filter((row) => num(row.daysLeft) < 0).reduce((sum, row) => sum + num(row.onHand), 0),
    value: hasValue ? sumAmounts(rows.map((row) => text(row.value ?? "0"))) : null,
    top: rows.slice(0, TOP_ROWS).map((row) => ({
      sku: text(row.sku),
      name: text(row.name),
      site: text(row.site),
      lot: text(row.lot),
      expiresOn: text(row.expiresOn),
      daysLeft: num(row.daysLeft),
      onHand: num(row.onHand),
    })),
  };
}
