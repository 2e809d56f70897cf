import { redirect } from "next/navigation";
import { AppShell } from "@/components/shell/app-shell";
import { NAV_LINKS } from "@/components/shell/navigation";
import { can } from "@/lib/auth/can";
import { getSessionActor } from "@/lib/auth/session";
import { countActiveAlerts } from "@/lib/alerts/list-alerts";
import { getDb } from "@/lib/db/client";

// Navigation only. Access is checked by each page, action and route, never here alone.
export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const actor = await getSessionActor();
  if (!actor) redirect("/sign-in");
  const links = NAV_LINKS.filter((link) => can(actor, link.permission));
  const alerts = can(actor, "stock.view") ? await countActiveAlerts(getDb(), actor) : null;
  return (
    <AppShell
      links={links}
      user={{ id: actor.id, label: actor.label, role: actor.role }}
      alerts={alerts && { total: alerts.total, open: alerts.open }}
    >
      {children}
    </AppShell>
  );
}
