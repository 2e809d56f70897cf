/**
 * CPU seconds used by the processes on this machine, grouped by what they are (the app server, PostgreSQL,
 * this load generator), read from /proc. On a two-core machine shared by all three, throughput is set by the
 * CPU each request costs in total, so the benchmarks report it per request beside the rate.
 */
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";

export type CpuGroups = Record<"app" | "postgres" | "loadGenerator" | "nats" | "consumers" | "other", number>;

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function groupOf(pid: number, command: string, databaseHostPid?: number, consumersPid?: number): keyof CpuGroups {
  if (pid === process.pid) return "loadGenerator";
  if (pid === databaseHostPid) return "postgres";
  if (pid === consumersPid) return "consumers";
  if (command.startsWith("next-server")) return "app";
  if (command === "postgres") return "postgres";
  if (command === "nats-server") return "nats";
  return "other";
}

/**
 * CPU seconds each running process has used so far, with its group; null where /proc is not there to read.
 * `databaseHostPid` names a process that serves the database from within (the launcher hosting PGlite);
 * `consumersPid` a benchmark's own process that stands for other services receiving events.
 */
export type CpuReading = Map<number, { group: keyof CpuGroups; seconds: number }>;

export function readProcessCpu(databaseHostPid?: number, consumersPid?: number): CpuReading | null {
  if (os.platform() !== "linux") return null;
  const reading: CpuReading = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // pid (comm) state ppid … utime stime: comm may hold spaces, so split after its closing parenthesis
      const command = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ticks = Number(fields[11]) + Number(fields[12]);
      reading.set(Number(entry), { group: groupOf(Number(entry), command, databaseHostPid, consumersPid), seconds: ticks / TICKS_PER_SECOND });
    } catch {
      // the process ended between listing and reading
    }
  }
  return reading;
}

/**
 * CPU milliseconds per request in each group between two readings: what each process still running used in
 * between (a process that started in between counts from zero; one that ended is left out).
 */
export function cpuPerRequest(before: CpuReading | null, after: CpuReading | null, requests: number): CpuGroups | null {
  if (!before || !after || requests === 0) return null;
  const used: CpuGroups = { app: 0, postgres: 0, loadGenerator: 0, nats: 0, consumers: 0, other: 0 };
  for (const [pid, now] of after) used[now.group] += now.seconds - (before.get(pid)?.seconds ?? 0);
  return Object.fromEntries(Object.entries(used).map(([group, seconds]) => [group, (seconds * 1000) / requests])) as CpuGroups;
}

export type AppThreads = Record<"serverThread" | "workerThreads" | "helpers", number>;

/** Each app server's threads: its JavaScript thread, its worker threads (the event relay's), and V8's and libuv's helpers. */
export type AppThreadReading = Map<string, { kind: keyof AppThreads; seconds: number }>;

/**
 * CPU seconds of every thread of the app servers so far, by kind: the process's own thread is the server's
 * JavaScript; other threads named like it are worker threads (Node names them after the process); the rest are
 * V8's (garbage collection, compilation) and libuv's helpers. Null where /proc is not there to read.
 */
export function readAppThreadCpu(): AppThreadReading | null {
  if (os.platform() !== "linux") return null;
  const reading: AppThreadReading = new Map();
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (!readFileSync(`/proc/${pid}/comm`, "utf8").startsWith("next-server")) continue;
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
        const command = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        const kind = tid === pid ? "serverThread" : command.startsWith("next-server") ? "workerThreads" : "helpers";
        reading.set(`${pid}/${tid}`, { kind, seconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND });
      }
    } catch {
      // the process or thread ended between listing and reading
    }
  }
  return reading;
}

/** CPU milliseconds per request of each kind of app thread between two readings (as cpuPerRequest). */
export function appThreadsPerRequest(before: AppThreadReading | null, after: AppThreadReading | null, requests: number): AppThreads | null {
  if (!before || !after || requests === 0) return null;
  const used: AppThreads = { serverThread: 0, workerThreads: 0, helpers: 0 };
  for (const [thread, now] of after) used[now.kind] += now.seconds - (before.get(thread)?.seconds ?? 0);
  return Object.fromEntries(Object.entries(used).map(([kind, seconds]) => [kind, (seconds * 1000) / requests])) as AppThreads;
}
