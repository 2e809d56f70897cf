import type { ColumnType, ReportValue } from "@/lib/reports/report";

const integer = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 1 });

/** A report value as the page shows it; the API and the CSV keep the plain number. */
export function formatReportValue(value: ReportValue, type: ColumnType): string {
  if (value === null || value === "") return "—";
  // An instant to the minute, in UTC as the API sends it (the column's label and the export keep the seconds).
  if (type === "timestamp" && typeof value === "string") return `${value.slice(0, 16).replace("T", " ")} UTC`;
  if (typeof value === "string") return value; // text, a date, or an exact decimal of money: shown as it is
  if (type === "integer") return integer.format(value);
  if (type === "percent") return percent.format(value);
  return decimal.format(value);
}
