"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { summarizeQueue } from "../scan/queue-ownership";

type QueueOfMine = { waiting: number };

// The scan screens' queue code loads only when someone signs out, not with every page.
const writeQueue = () => import("../scan/scan-api");

async function countMyWrites(userId: string): Promise<number> {
  try {
    const { pending, refused } = summarizeQueue(await (await writeQueue()).queuedWrites(), userId);
    return pending.length + refused.length;
  } catch {
    return 0; // no IndexedDB here (a private window): nothing can be queued either
  }
}

/**
 * Signing out ends every session of the person; writes they queued on this device from the scan screens would
 * then sit there unseen. So it asks first, naming how many: post them now (online), keep them for this person's
 * next sign-in here (nobody else's session ever posts them), or discard them.
 */
export function SignOutButton({ userId, className }: { userId: string; className: string }) {
  const [queue, setQueue] = useState<QueueOfMine | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  async function start() {
    const waiting = await countMyWrites(userId);
    if (waiting === 0) return signOut({ callbackUrl: "/sign-in" });
    setNote(null);
    setQueue({ waiting });
  }

  async function postNow() {
    setBusy(true);
    await (await writeQueue()).flushQueue(userId);
    const waiting = await countMyWrites(userId);
    setBusy(false);
    if (waiting === 0) return signOut({ callbackUrl: "/sign-in" });
    setQueue({ waiting });
    setNote("Some could not be posted: they were refused or the connection failed. Open Scan to see them, or choose below.");
  }

  async function discard() {
    setBusy(true);
    await (await writeQueue()).discardWritesOf(userId);
    return signOut({ callbackUrl: "/sign-in" });
  }

  const waiting = queue?.waiting ?? 0; // rendered only with a queue, in the browser
  const writes = `${waiting} ${waiting === 1 ? "write" : "writes"}`;
  return (
    <>
      <button type="button" onClick={start} className={className}>
        Sign out
      </button>
      {queue && (
        <Dialog open title="Writes not posted yet" onClose={() => setQueue(null)}>
          <p data-testid="sign-out-queue">
            You have {writes} from the scan screens on this device that {waiting === 1 ? "has" : "have"} not been posted.
          </p>
          {note ? (
            <p role="alert" className="text-red-800">
              {note}
            </p>
          ) : null}
          <div className="flex flex-col gap-2">
            <Button onClick={postNow} disabled={isBusy || !navigator.onLine}>
              Post {waiting === 1 ? "it" : "them"} now
            </Button>
            <Button variant="secondary" onClick={() => signOut({ callbackUrl: "/sign-in" })} disabled={isBusy}>
              Keep for my next sign-in here
            </Button>
            <Button variant="danger" onClick={discard} disabled={isBusy}>
              Discard {waiting === 1 ? "it" : "them"}
            </Button>
            <Button variant="ghost" onClick={() => setQueue(null)} disabled={isBusy}>
              Cancel
            </Button>
          </div>
        </Dialog>
      )}
    </>
  );
}
