import Link from "next/link";
import { AllowPrivateUrlsToggle, CreateWebhookForm, DeleteWebhookButton, WebhookEnabledToggle } from "@/components/admin/webhook-forms";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getInstallationSettings } from "@/lib/settings/installation-settings";
import { listWebhooks } from "@/lib/webhooks/list-webhooks";

export const metadata = { title: "Webhooks" };

const date = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

export default async function WebhooksPage() {
  const actor = await requirePageActor("webhooks.manage");
  const [webhooks, settings] = await Promise.all([listWebhooks(getDb(), actor), getInstallationSettings(getDb(), actor)]);
  return (
    <>
      <PageHeader title="Webhooks" />
      <div className="grid gap-4 lg:grid-cols-[1fr_22rem]">
        <Card title="Endpoints hearing events">
          {webhooks.length === 0 ? (
            <EmptyState title="No webhooks yet">
              Add the URL of each system that should hear stock changes. Requests are signed by Standard Webhooks.
            </EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="webhook-list">
              {webhooks.map((webhook) => (
                <li key={webhook.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <div className="min-w-0">
                    <p className="font-medium break-all">
                      <Link
                        href={`/admin/webhooks/${webhook.id}`}
                        className="inline-flex min-h-11 items-center break-all text-brand-700 underline-offset-2 hover:underline"
                      >
                        {webhook.url}
                      </Link>{" "}
                      {webhook.enabled ? <Badge tone="green">enabled</Badge> : <Badge tone="red">disabled</Badge>}
                    </p>
                    <p className="text-sm text-slate-600">
                      {webhook.types.join(", ")}
                      {webhook.description ? ` · ${webhook.description}` : ""} · made {date.format(new Date(webhook.createdAt))} by{" "}
                      {webhook.createdBy}
                    </p>
                    {webhook.disabledReason ? <p className="text-sm text-red-700">{webhook.disabledReason}</p> : null}
                  </div>
                  <div className="flex gap-2">
                    <WebhookEnabledToggle id={webhook.id} enabled={webhook.enabled} />
                    <DeleteWebhookButton id={webhook.id} url={webhook.url} />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <div className="space-y-4">
          <Card title="Add a webhook">
            <CreateWebhookForm />
          </Card>
          <Card title="Private URLs">
            <AllowPrivateUrlsToggle allowed={settings.allowPrivateUrls} />
          </Card>
        </div>
      </div>
    </>
  );
}
