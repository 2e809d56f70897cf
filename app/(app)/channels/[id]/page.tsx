import { ChannelSyncButtons } from "@/components/channels/channel-sync-buttons";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/session";
import { getChannelOverview } from "@/lib/channels/channel-overview";
import { getDb } from "@/lib/db/client";
import { orNotFound } from "@/lib/http/or-not-found";

export const metadata = { title: "Channel" };

const date = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium" });

export default async function ChannelPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("channels.manage");
  const { id } = await params;
  const { channel, skus, log } = await orNotFound(getChannelOverview(getDb(), actor, id));
  return (
    <>
      <PageHeader title={channel.name}>
        <ChannelSyncButtons id={channel.id} />
      </PageHeader>
      <p className="mb-4 text-sm text-slate-600">
        {channel.kind} · {channel.baseUrl} · sells {channel.sites.join(", ")} · buffer {channel.buffer.units} units + {channel.buffer.percent} % ·{" "}
        {channel.active ? "active" : "paused"} · webhooks to <span className="font-mono">{channel.webhookUrl}</span>
      </p>
      <div className="grid gap-4 xl:grid-cols-[1fr_26rem]">
        <Card title="SKUs">
          {skus.length === 0 ? (
            <EmptyState title="No SKUs yet">They appear as stock moves at the channel&apos;s sites, or after a reconcile.</EmptyState>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-sm" data-testid="channel-skus">
                <thead className="text-left text-slate-600">
                  <tr>
                    <th className="py-2 pr-3">SKU</th>
                    <th className="py-2 pr-3 text-right">Stockroom</th>
                    <th className="py-2 pr-3 text-right">Shop (last known)</th>
                    <th className="py-2 pr-3">State</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {skus.map((row) => (
                    <tr key={row.sku}>
                      <td className="py-2 pr-3">
                        <span className="font-mono">{row.sku}</span>
                        <span className="block text-xs text-slate-500">{row.platformId ?? "not matched in the shop"}</span>
                      </td>
                      <td className="py-2 pr-3 text-right tabular-nums">{row.stockroomQuantity}</td>
                      <td className="py-2 pr-3 text-right tabular-nums">{row.lastKnownPlatformQuantity ?? "—"}</td>
                      <td className="py-2 pr-3">
                        {row.lastError ? (
                          <Badge tone="red">{row.lastError}</Badge>
                        ) : row.isDrifted ? (
                          <Badge tone="amber">drift</Badge>
                        ) : row.isDue ? (
                          <Badge tone="blue">push due</Badge>
                        ) : (
                          <Badge tone="green">in step</Badge>
                        )}
                        {row.lastPushedAt ? <span className="block text-xs text-slate-500">pushed {date.format(row.lastPushedAt)}</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
        <Card title="Sync log">
          {log.length === 0 ? (
            <EmptyState title="Nothing logged yet" />
          ) : (
            <ul className="divide-y divide-slate-100 text-sm" data-testid="channel-log">
              {log.map((line, index) => (
                <li key={index} className="py-2">
                  <Badge tone={line.level === "error" ? "red" : line.level === "warn" ? "amber" : "slate"}>{line.level}</Badge>{" "}
                  <span className="text-slate-500">{date.format(line.at)}</span>
                  <p className="mt-1 break-words">{line.message}</p>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
