import type { MovementView } from "@/lib/ledger/schemas";
import { Badge, type BadgeTone } from "../ui/badge";
import { EmptyState } from "../ui/card";

const KINDS: Record<string, { label: string; tone: BadgeTone }> = {
  issue: { label: "Issued", tone: "blue" },
  move: { label: "Moved", tone: "slate" },
  return: { label: "Returned", tone: "green" },
  damage: { label: "Damaged", tone: "red" },
  scrap: { label: "Scrapped", tone: "red" },
  reversal: { label: "Reversal", tone: "amber" },
};
const time = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

/** The ledger rows posted for an order (picks to staging, the issue to the customer, returns), oldest first. */
export function OrderMovements({ movements }: { movements: MovementView[] }) {
  if (movements.length === 0)
    return <EmptyState title="No stock has moved for this order yet">Picking, shipping and returns post their movements here.</EmptyState>;
  return (
    <ul className="divide-y divide-slate-100 text-sm" data-testid="order-movements">
      {movements.map((m) => {
        const kind = KINDS[m.kind] ?? { label: m.kind, tone: "slate" as const };
        return (
          <li key={m.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2" data-kind={m.kind}>
            <span className="min-w-0">
              <Badge tone={kind.tone}>{kind.label}</Badge> <span className="font-semibold tabular-nums">{m.quantity}</span>{" "}
              <span className="font-mono">{m.sku}</span>
              {m.lot ? ` lot ${m.lot}` : ""}
              <span className="block text-slate-600">
                {m.from} → {m.to} · {m.reason}
              </span>
            </span>
            <span className="text-xs text-slate-600">
              {time.format(new Date(m.at))} · {m.actor}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
