import { TransferForm } from "@/components/transfers/transfer-form";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/can";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listAllSiteCodes } from "@/lib/sites/list-all-site-codes";
import { listSites } from "@/lib/sites/list-sites";

export const metadata = { title: "New transfer" };

export default async function NewTransferPage() {
  const actor = await requirePageActor("stock.move");
  const db = getDb();
  const [mine, all] = await Promise.all([listSites(db, actor), listAllSiteCodes(db, actor)]);
  const fromSites = mine.filter((s) => can(actor, "stock.move", { siteId: s.id })).map((s) => s.code);
  return (
    <>
      <PageHeader title="New transfer" />
      <Card>
        <TransferForm fromSites={fromSites} toSites={all} />
      </Card>
    </>
  );
}
