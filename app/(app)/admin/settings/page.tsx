import Link from "next/link";
import { ValuationSettingsForm } from "@/components/admin/settings-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getInstallationSettings } from "@/lib/settings/installation-settings";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const actor = await requirePageActor("settings.manage");
  const settings = await getInstallationSettings(getDb(), actor);
  return (
    <>
      <PageHeader title="Settings" />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,32rem)_1fr]">
        <Card title="Valuation">
          <ValuationSettingsForm costingMethod={settings.costingMethod} currency={settings.currency} />
        </Card>
        <Card title="Set elsewhere">
          <ul className="divide-y divide-slate-100 text-sm">
            <li>
              <Link href="/categories" className="flex min-h-11 items-center text-brand-700 underline-offset-2 hover:underline">
                A category&apos;s own costing method: Categories
              </Link>
            </li>
            <li>
              <Link href="/admin/webhooks" className="flex min-h-11 items-center text-brand-700 underline-offset-2 hover:underline">
                Whether webhooks may call private addresses: Webhooks
              </Link>
            </li>
          </ul>
        </Card>
      </div>
    </>
  );
}
