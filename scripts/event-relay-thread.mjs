// The event relay's worker thread (started by lib/system/event-relay-thread.ts): lib's TypeScript loaded through
// tsx, outside the server's bundle.
import { register } from "tsx/esm/api";

register();
const { runInRelayThread } = await import("../lib/system/event-relay-thread.ts");
runInRelayThread();
