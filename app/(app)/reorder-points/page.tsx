import { RecomputePanel } from "@/components/reorder-points/recompute-panel";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listRecomputes } from "@/lib/reorder-points/get-recompute";
import { listSites } from "@/lib/sites/list-sites";
import { startRecomputeAction } from "./actions";

export const metadata = { title: "Reorder points" };

export default async function ReorderPointsPage() {
  const actor = await requirePageActor("thresholds.manage");
  const db = getDb();
  const [runs, sites] = await Promise.all([listRecomputes(db, actor, 1), listSites(db, actor)]);
  return (
    <>
      <PageHeader title="Reorder points" />
      <Card title="Recompute from the forecast">
        <p className="mb-4 max-w-prose text-sm text-slate-600">
          For each item and site with sales in the last year, the forecast&apos;s suggested reorder point and safety stock become the site&apos;s
          thresholds. A reorder point set by hand is left as it is (clear it on the item page to hand it back). Runs by itself every Sunday at 02:00
          UTC.
        </p>
        <RecomputePanel action={startRecomputeAction} sites={sites.map((s) => s.code)} latest={runs[0] ?? null} />
      </Card>
    </>
  );
}
