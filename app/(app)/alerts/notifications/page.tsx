import { SubscriptionForm } from "@/components/alerts/subscription-form";
import { BackLink } from "@/components/ui/back-link";
import { Card, PageHeader } from "@/components/ui/card";
import { getAlertSubscription } from "@/lib/alerts/alert-subscription";
import { listSites } from "@/lib/sites/list-sites";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { isMailConfigured } from "@/lib/mail/send-mail";

export const metadata = { title: "Alert e-mails" };

export default async function AlertNotificationsPage() {
  const actor = await requirePageActor("stock.view");
  const [current, sites] = await Promise.all([getAlertSubscription(getDb(), actor), listSites(getDb(), actor)]);
  return (
    <>
      <BackLink href="/alerts">Alerts</BackLink>
      <PageHeader title="Alert e-mails" />
      {isMailConfigured() ? null : (
        <p className="mb-4 rounded-lg bg-amber-50 p-3 text-sm text-amber-900" data-testid="mail-off">
          E-mail is not set up on this installation (an administrator sets SMTP_URL). Your choice is kept and applies once it is.
        </p>
      )}
      <Card>
        <SubscriptionForm current={current} sites={sites.map(({ code, name }) => ({ code, name }))} />
      </Card>
    </>
  );
}
