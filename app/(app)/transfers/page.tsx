import Link from "next/link";
import { TRANSFER_STATUS_TONE as STATUS_TONE } from "@/components/transfers/transfer-status";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/can";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listTransfers } from "@/lib/transfers/list-transfers";
import { TRANSFER_STATUSES } from "@/lib/transfers/schemas";

export const metadata = { title: "Transfers" };

export default async function TransfersPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const actor = await requirePageActor("stock.view");
  const { status: wanted } = await searchParams;
  const status = TRANSFER_STATUSES.find((s) => s === wanted);
  const { data } = await listTransfers(getDb(), actor, status ? { status } : {});
  return (
    <>
      <PageHeader title="Transfers">
        {can(actor, "stock.move") && (
          <Link href="/transfers/new" className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 font-medium text-white">
            New transfer
          </Link>
        )}
      </PageHeader>
      <nav aria-label="Status" className="mb-3 flex flex-wrap gap-2 text-sm">
        {[undefined, ...TRANSFER_STATUSES].map((s) => (
          <Link
            key={s ?? "all"}
            href={s ? `/transfers?status=${s}` : "/transfers"}
            aria-current={s === status ? "page" : undefined}
            className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-full border border-slate-300 px-3 aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-50"
          >
            {s ?? "all"}
          </Link>
        ))}
      </nav>
      <Card>
        {data.length === 0 ? (
          <EmptyState title="No transfers here">Send stock to another site with “New transfer”; it shows here while it is on its way.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="transfer-list">
            {data.map((t) => (
              <li key={t.id}>
                <Link href={`/transfers/${t.id}`} className="flex min-h-14 flex-wrap items-center justify-between gap-2 py-2">
                  <span className="font-medium">
                    {t.from} → {t.to} <span className="text-sm text-slate-600">{t.reference ?? t.id.slice(0, 8)}</span>
                  </span>
                  <span className="flex items-center gap-2 text-sm text-slate-600">
                    {t.lineCount} lines · {t.units} units <Badge tone={STATUS_TONE[t.status]}>{t.status}</Badge>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
