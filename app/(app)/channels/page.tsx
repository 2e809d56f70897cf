import Link from "next/link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/session";
import { listChannels } from "@/lib/channels/manage-channels";
import { getDb } from "@/lib/db/client";
import { listSites } from "@/lib/sites/list-sites";
import { ConnectChannelForm } from "@/components/channels/connect-channel-form";

export const metadata = { title: "Channels" };

export default async function ChannelsPage() {
  const actor = await requirePageActor("channels.manage");
  const [{ data: channels }, sites] = await Promise.all([listChannels(getDb(), actor), listSites(getDb(), actor)]);
  return (
    <>
      <PageHeader title="Channels" />
      <Card title="Online shops">
        {channels.length === 0 ? (
          <EmptyState title="No shop connected">Connect one below, or with POST /api/v1/channels (see the API documentation).</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {channels.map((channel) => (
              <li key={channel.id} className="py-3">
                <Link href={`/channels/${channel.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
                  {channel.name}
                </Link>
                <p className="text-sm text-slate-600">
                  {channel.kind} · {channel.sites.join(", ")} · {channel.mappedSkus} SKUs matched · {channel.active ? "active" : "paused"}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="Connect a shop" className="mt-4">
        <ConnectChannelForm sites={sites.map((site) => site.code)} />
      </Card>
    </>
  );
}
