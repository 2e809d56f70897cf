"use client";

import { useActionState } from "react";
import { pushChannelAction, reconcileChannelAction } from "@/app/(app)/channels/[id]/actions";
import { initialFormState } from "@/lib/http/form-state";
import { Button } from "../ui/button";
import { FormMessage } from "../ui/form-message";
import { FormToken } from "../ui/form-token";

export function ChannelSyncButtons({ id }: { id: string }) {
  const [pushState, push, pushing] = useActionState(pushChannelAction, initialFormState);
  const [reconcileState, reconcile, reconciling] = useActionState(reconcileChannelAction, initialFormState);
  return (
    <div className="flex flex-wrap items-start gap-3">
      <form action={push}>
        <FormToken answer={pushState} />
        <input type="hidden" name="id" value={id} />
        <Button type="submit" disabled={pushing}>
          {pushing ? "Pushing…" : "Push now"}
        </Button>
        <FormMessage state={pushState} />
      </form>
      <form action={reconcile}>
        <FormToken answer={reconcileState} />
        <input type="hidden" name="id" value={id} />
        <Button type="submit" variant="secondary" disabled={reconciling}>
          {reconciling ? "Reconciling…" : "Reconcile"}
        </Button>
        <FormMessage state={reconcileState} />
      </form>
    </div>
  );
}
