/** See request-with-callers-signal.mjs. */
export declare class RequestWithCallersSignal extends Request {
  constructor(input: RequestInfo | URL, init?: RequestInit);
}
