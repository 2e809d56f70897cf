import { notFound } from "next/navigation";
import { RedeliverButton, WebhookEnabledToggle } from "@/components/admin/webhook-forms";
import { BackLink } from "@/components/ui/back-link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { NotFound } from "@/lib/domain-error";
import { listWebhookDeliveries } from "@/lib/webhooks/list-deliveries";
import { getWebhook } from "@/lib/webhooks/list-webhooks";

export const metadata = { title: "Webhook deliveries" };

const date = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium" });
const TONE: Record<string, BadgeTone> = { delivered: "green", pending: "amber", failed: "red" };

export default async function WebhookPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ cursor?: string }> }) {
  const actor = await requirePageActor("webhooks.manage");
  const { id } = await params;
  const { cursor } = await searchParams;
  const db = getDb();
  const [webhook, deliveries] = await Promise.all([
    getWebhook(db, actor, id),
    listWebhookDeliveries(db, actor, id, { cursor: cursor && /^\d+$/.test(cursor) ? cursor : undefined, limit: 50 }),
  ]).catch((error: unknown) => {
    if (error instanceof NotFound) notFound();
    throw error;
  });
  return (
    <>
      <BackLink href="/admin/webhooks">Webhooks</BackLink>
      <PageHeader title={webhook.url}>
        <WebhookEnabledToggle id={webhook.id} enabled={webhook.enabled} />
      </PageHeader>
      {webhook.disabledReason ? <p className="mb-4 text-sm text-red-700">{webhook.disabledReason}</p> : null}
      <Card title="Delivery log, newest event first">
        {deliveries.data.length === 0 ? (
          <EmptyState title="Nothing delivered yet">Events of the types {webhook.types.join(", ")} will show here.</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="delivery-log">
              <thead className="text-slate-600">
                <tr>
                  <th className="py-2 pr-3 font-medium">Event</th>
                  <th className="py-2 pr-3 font-medium">Status</th>
                  <th className="py-2 pr-3 font-medium">Attempts</th>
                  <th className="py-2 pr-3 font-medium">Answer</th>
                  <th className="py-2 pr-3 font-medium">Last attempt</th>
                  <th className="py-2" />
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {deliveries.data.map((delivery) => (
                  <tr key={delivery.id}>
                    <td className="py-2 pr-3">
                      <p className="font-medium">{delivery.eventType}</p>
                      <p className="font-mono text-xs text-slate-500">{delivery.eventId}</p>
                    </td>
                    <td className="py-2 pr-3">
                      <Badge tone={TONE[delivery.status]}>{delivery.status}</Badge>
                      {delivery.nextAttemptAt ? <p className="text-xs text-slate-500">next {date.format(new Date(delivery.nextAttemptAt))}</p> : null}
                    </td>
                    <td className="py-2 pr-3">{delivery.attempts}</td>
                    <td className="py-2 pr-3">
                      {delivery.responseStatus ?? "—"}
                      {delivery.responseMs !== null ? <span className="text-slate-500"> in {delivery.responseMs} ms</span> : null}
                      {delivery.lastError ? <p className="text-xs text-red-700">{delivery.lastError}</p> : null}
                    </td>
                    <td className="py-2 pr-3">{delivery.lastAttemptAt ? date.format(new Date(delivery.lastAttemptAt)) : "—"}</td>
                    <td className="py-2">{delivery.status === "pending" ? null : <RedeliverButton id={webhook.id} deliveryId={delivery.id} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {deliveries.next ? (
          <p className="mt-3">
            <a href={`/admin/webhooks/${webhook.id}?cursor=${deliveries.next}`} className="text-brand-700 underline">
              Older deliveries
            </a>
          </p>
        ) : null}
      </Card>
    </>
  );
}
