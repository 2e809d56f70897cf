// Loaded into the server's Node before anything else (`--import`, scripts/start.ts): Next builds each incoming
// request with the global Request, so it must be in place before Next's modules load.
import { RequestWithCallersSignal } from "./request-with-callers-signal.mjs";

globalThis.Request = RequestWithCallersSignal;
