import { ScanAppLoader } from "@/components/scan/scan-app-loader";
import { can } from "@/lib/auth/can";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listSites } from "@/lib/sites/list-sites";

export const metadata = { title: "Scan" };

export default async function ScanPage() {
  const actor = await requirePageActor("stock.view");
  const sites = await listSites(getDb(), actor);
  const codes = sites.map((s) => s.code);
  if (codes.length === 0) return <p className="text-slate-700">You are not assigned to any site yet: ask an admin to add you to one.</p>;
  // The tasks that post are offered only to those who may post; the API refuses the others anyway.
  return <ScanAppLoader userId={actor.id} sites={codes} canWrite={sites.some((s) => can(actor, "stock.move", { siteId: s.id }))} />;
}
