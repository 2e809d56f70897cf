import { CreateApiKeyForm, RevokeApiKeyButton } from "@/components/admin/api-key-forms";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listSites } from "@/lib/sites/list-sites";
import { listSuppliers } from "@/lib/suppliers/manage-suppliers";

export const metadata = { title: "API keys" };

const date = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

export default async function ApiKeysPage() {
  const actor = await requirePageActor("apiKeys.manage");
  const [keys, sites] = await Promise.all([listApiKeys(getDb(), actor), listSites(getDb(), actor)]);
  const suppliers = (await listSuppliers(getDb(), actor)).filter((s) => s.active);
  return (
    <>
      <PageHeader title="API keys" />
      <div className="grid gap-4 lg:grid-cols-[1fr_22rem]">
        <Card title="Keys for other services">
          {keys.length === 0 ? (
            <EmptyState title="No API keys yet">Create one for each service that talks to Stockroom, with the smallest role it needs.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="api-key-list">
              {keys.map((key) => (
                <li key={key.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <div className="min-w-0">
                    <p className="font-medium">
                      {key.name} <span className="font-mono text-sm text-slate-500">{key.prefix}…</span>
                    </p>
                    <p className="text-sm text-slate-600">
                      {key.role}
                      {key.supplier ? ` for ${key.supplier}` : ""} · {key.sites.length ? key.sites.join(", ") : "all sites"} · made{" "}
                      {date.format(new Date(key.createdAt))}
                      {key.createdBy ? ` by ${key.createdBy}` : ""} ·{" "}
                      {key.lastUsedAt ? `last used ${date.format(new Date(key.lastUsedAt))}` : "never used"}
                    </p>
                  </div>
                  {key.revokedAt ? (
                    <span className="rounded bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-700">revoked</span>
                  ) : (
                    <RevokeApiKeyButton id={key.id} name={key.name} />
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Create a key">
          <CreateApiKeyForm siteCodes={sites.map((s) => s.code)} supplierCodes={suppliers.map((s) => s.code)} />
        </Card>
      </div>
    </>
  );
}
