"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { openPickListAction } from "@/app/(app)/orders/[id]/actions";
import { initialFormState, type FormState } from "@/lib/http/form-state";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { FormMessage } from "../ui/form-message";
import { FormToken } from "../ui/form-token";

const LINK = "inline-flex min-h-11 w-full items-center justify-center rounded-lg px-4 font-medium sm:w-auto";

/**
 * The order's next fulfilment step on its page: open its pick list (then pick it on the scan screen), go on
 * picking, or pack it at the pack station. Shown only to those who may move stock at its site.
 */
export function FulfilmentStep({ id, status }: { id: string; status: string }) {
  if (status === "allocated") return <OpenPickList id={id} />;
  if (status === "picking")
    return (
      <Card title="Pick">
        <p className="mb-3 text-sm text-slate-700">Its pick list is open: pick it on the scan screen.</p>
        <a href="/scan#pick" className={`${LINK} bg-brand-700 text-white hover:bg-brand-900`}>
          Pick on the scan screen
        </a>
      </Card>
    );
  if (status === "picked")
    return (
      <Card title="Pack">
        <p className="mb-3 text-sm text-slate-700">Every unit is in staging: scan them into packages.</p>
        <Link href={`/orders/${id}/pack`} className={`${LINK} bg-brand-700 text-white hover:bg-brand-900`}>
          Pack
        </Link>
      </Card>
    );
  return null;
}

/** Opens the routed pick list, then takes the clerk to the scan screen's pick task with the list open. */
function OpenPickList({ id }: { id: string }) {
  const router = useRouter();
  const [state, action, isPending] = useActionState(async (previous: FormState, form: FormData) => {
    const answer = await openPickListAction(previous, form);
    // Straight from the answer: the page refreshes to `picking` at once, and this form goes with it. The scan app
    // starts on the #task and opens the ?list it is given.
    if (answer.ok) router.push(`/scan?list=${encodeURIComponent(answer.data!.pickListId as string)}#pick`);
    return answer;
  }, initialFormState);
  const pickListId = state.ok ? (state.data?.pickListId as string) : null;
  return (
    <Card title="Pick">
      <form action={action} className="space-y-3">
        <FormToken answer={state} />
        <input type="hidden" name="id" value={id} />
        <FormMessage state={state} />
        <p className="text-sm text-slate-700">Its units are held in bins: open a pick list to bring them to staging.</p>
        <Button type="submit" disabled={isPending || pickListId !== null} className="w-full sm:w-auto">
          {isPending || pickListId ? "Opening…" : "Open pick list"}
        </Button>
      </form>
    </Card>
  );
}
