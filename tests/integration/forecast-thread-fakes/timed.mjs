// A forecast thread that keeps a core busy for 150 ms and answers when it started and ended.
import { parentPort } from "node:worker_threads";

const started = Date.now();
while (Date.now() - started < 150);
parentPort.postMessage({ answer: { data: [], started, ended: Date.now() } });
