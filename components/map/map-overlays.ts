import { ALERT_KIND_LABELS, type AlertKindName } from "@/lib/alerts/alert-kinds";
import type { BinAlert } from "@/lib/maps/list-bin-summaries";
import type { BinSummary, MapOverlay, OverlayValue } from "./map-types";

/** The colour a shape with a location but no reading gets under every overlay. */
export const NO_READING = "#f1f5f9";

const FILL_BANDS = [
  { upTo: 0, colour: "#f8fafc", label: "Empty" },
  { upTo: 0.25, colour: "#dbeafe", label: "Up to 25%" },
  { upTo: 0.5, colour: "#93c5fd", label: "25–50%" },
  { upTo: 0.75, colour: "#3b82f6", label: "50–75%" },
  { upTo: 1, colour: "#1d4ed8", label: "75–100%" },
  { upTo: Infinity, colour: "#7c2d12", label: "Over capacity" },
] as const;

function fillBand(fraction: number) {
  return FILL_BANDS.find((band) => fraction <= band.upTo) ?? FILL_BANDS[FILL_BANDS.length - 1];
}

const units = (n: number) => `${n.toLocaleString("en")} ${n === 1 ? "unit" : "units"}`;

/**
 * How full each bin is: a share of its capacityUnits when it has one, else a share of the fullest bin without
 * one (so a site that never set capacities still shows where the stock sits).
 */
export function buildFillOverlay(bins: BinSummary[]): MapOverlay {
  const fullest = Math.max(1, ...bins.filter((b) => !b.capacityUnits).map((b) => b.units));
  const valueByLocation: Record<string, OverlayValue> = {};
  for (const bin of bins) {
    const fraction = bin.units / (bin.capacityUnits || fullest);
    const share = bin.capacityUnits ? ` (${Math.round(fraction * 100)}% of ${bin.capacityUnits})` : "";
    valueByLocation[bin.location] = { colour: fillBand(bin.units <= 0 ? 0 : fraction).colour, text: `${units(bin.units)}${share}` };
  }
  const hasCapacities = bins.some((b) => b.capacityUnits);
  return {
    id: "fill",
    label: "Fill level",
    legend: FILL_BANDS.filter((band) => hasCapacities || band.upTo !== Infinity).map(({ colour, label }) => ({ colour, label })),
    valueByLocation,
  };
}

const VALUE_COLOURS = ["#ecfdf5", "#a7f3d0", "#34d399", "#059669", "#065f46"];

/** Stock value per bin in five equal bands up to the most valuable bin; null when the page had no unit costs. */
export function buildValueOverlay(bins: BinSummary[], currency = "EUR"): MapOverlay | null {
  const valued = bins.filter((b): b is BinSummary & { value: number } => typeof b.value === "number");
  if (valued.length === 0) return null;
  const money = new Intl.NumberFormat("en", { style: "currency", currency, maximumFractionDigits: 0 });
  const top = Math.max(...valued.map((b) => b.value), 1);
  const step = top / VALUE_COLOURS.length;
  const valueByLocation: Record<string, OverlayValue> = {};
  for (const bin of valued) {
    const band = Math.min(VALUE_COLOURS.length - 1, Math.floor(bin.value / step));
    valueByLocation[bin.location] = { colour: VALUE_COLOURS[band], text: money.format(bin.value) };
  }
  const legend = VALUE_COLOURS.map((colour, i) => ({
    colour,
    label: i === VALUE_COLOURS.length - 1 ? `${money.format(i * step)} and more` : `${money.format(i * step)}–${money.format((i + 1) * step)}`,
  }));
  return { id: "value", label: "Stock value", legend, valueByLocation };
}

/**
 * The attention tiers, most urgent first: a bin takes the colour of the most urgent alert kind it has. Stock that
 * cannot be used comes first, then stock about to become unusable, then running low, then housekeeping.
 */
const ATTENTION_TIERS: readonly { kinds: readonly AlertKindName[]; colour: string }[] = [
  { kinds: ["expired", "stockout"], colour: "#b91c1c" },
  { kinds: ["expiring"], colour: "#f97316" },
  { kinds: ["low_stock"], colour: "#eab308" },
  { kinds: ["overstock", "bin_over_capacity", "quarantine_aged", "count_overdue"], colour: "#a78bfa" },
];
const NOTHING_TO_DO = { colour: "#dcfce7", label: "Nothing to do" };
const KINDS_BY_URGENCY = ATTENTION_TIERS.flatMap((tier) => tier.kinds);

/** What one kind's alerts in a bin are about: "Expiring soon (EL-BAT-0001 lot L7)", "Count overdue". */
function describeKind(kind: AlertKindName, alerts: BinAlert[]): string {
  const subjects = [...new Set(alerts.map((a) => (a.sku ? `${a.sku}${a.lot ? ` lot ${a.lot}` : ""}` : null)).filter(Boolean))];
  return subjects.length ? `${ALERT_KIND_LABELS[kind]} (${subjects.join(", ")})` : ALERT_KIND_LABELS[kind];
}

/** Bins someone should look at, from the site's active alerts (lib/alerts): coloured by the most urgent kind. */
export function buildAttentionOverlay(bins: BinSummary[]): MapOverlay {
  const valueByLocation: Record<string, OverlayValue> = {};
  for (const bin of bins) {
    const kinds = KINDS_BY_URGENCY.filter((kind) => bin.alerts.some((a) => a.kind === kind));
    const tier = ATTENTION_TIERS.find((t) => t.kinds.includes(kinds[0]));
    valueByLocation[bin.location] = tier
      ? {
          colour: tier.colour,
          text: kinds
            .map((kind) =>
              describeKind(
                kind,
                bin.alerts.filter((a) => a.kind === kind),
              ),
            )
            .join("; "),
        }
      : { colour: NOTHING_TO_DO.colour, text: NOTHING_TO_DO.label };
  }
  return {
    id: "attention",
    label: "Needs attention",
    legend: [...ATTENTION_TIERS.map(({ kinds, colour }) => ({ colour, label: kinds.map((k) => ALERT_KIND_LABELS[k]).join(", ") })), NOTHING_TO_DO],
    valueByLocation,
  };
}

const PICK_COLOURS = ["#f8fafc", "#fde68a", "#fbbf24", "#f59e0b", "#b45309"];

/** How often each bin was picked from over the last 30 days, in five bands up to the busiest bin. */
export function buildPickOverlay(bins: BinSummary[]): MapOverlay {
  const top = Math.max(1, ...bins.map((b) => b.picks));
  const band = (picks: number) =>
    picks === 0 ? 0 : Math.min(PICK_COLOURS.length - 1, 1 + Math.floor(((picks - 1) / top) * (PICK_COLOURS.length - 1)));
  const valueByLocation: Record<string, OverlayValue> = {};
  for (const bin of bins)
    valueByLocation[bin.location] = { colour: PICK_COLOURS[band(bin.picks)], text: `${bin.picks} ${bin.picks === 1 ? "pick" : "picks"} in 30 days` };
  const legend = [
    { colour: PICK_COLOURS[0], label: "Not picked" },
    ...PICK_COLOURS.slice(1).map((colour, i) => ({
      colour,
      label: i === PICK_COLOURS.length - 2 ? `up to ${top} picks` : `${i === 0 ? "fewest" : "more"}`,
    })),
  ];
  return { id: "picks", label: "Pick frequency", legend, valueByLocation };
}

/** The overlays a manager can switch between, in menu order; stock value only when the data has it. */
export function buildOverlays(bins: BinSummary[]): MapOverlay[] {
  return [buildFillOverlay(bins), buildValueOverlay(bins), buildPickOverlay(bins), buildAttentionOverlay(bins)].filter(
    (o): o is MapOverlay => o !== null,
  );
}
