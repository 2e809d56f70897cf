import { RetireToggle } from "@/components/ui/retire-toggle";
import { CreateReasonCodeForm } from "@/components/admin/reason-code-forms";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listReasonCodes } from "@/lib/reasons/manage-reason-codes";
import { setReasonCodeActiveAction } from "./actions";

export const metadata = { title: "Reason codes" };

export default async function ReasonCodesPage() {
  const actor = await requirePageActor("settings.manage");
  const codes = await listReasonCodes(getDb(), actor);
  return (
    <>
      <PageHeader title="Reason codes" />
      <div className="grid gap-4 lg:grid-cols-[1fr_22rem]">
        <Card title="Why stock moves">
          <ul className="divide-y divide-slate-100" data-testid="reason-codes">
            {codes.map((reason) => (
              <li key={reason.code} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <div>
                  <p className={reason.active ? "font-medium" : "font-medium text-slate-400 line-through"}>{reason.label}</p>
                  <p className="font-mono text-xs text-slate-500">
                    {reason.code}
                    {reason.builtIn ? " · built in" : ""}
                  </p>
                </div>
                {reason.builtIn ? null : <RetireToggle code={reason.code} active={reason.active} action={setReasonCodeActiveAction} />}
              </li>
            ))}
          </ul>
        </Card>
        <Card title="Add a reason code">
          <CreateReasonCodeForm />
        </Card>
      </div>
    </>
  );
}
