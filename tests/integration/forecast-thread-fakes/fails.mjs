// A forecast thread whose forecasting fails: the call must fail, not be forecast again in the server's thread.
import { parentPort } from "node:worker_threads";

parentPort.postMessage({ error: "Error: the forecast failed in the thread" });
