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
      const { command, seconds } = readStat(`/proc/${entry}/stat`);
      reading.set(Number(entry), { group: groupOf(Number(entry), command, databaseHostPid, consumersPid), seconds });
    } catch {
      // the process ended between listing and reading
    }
  }
  return reading;
}

/** A process's or thread's name and CPU seconds so far, from its /proc stat line. */
function readStat(path: string): { command: string; seconds: number } {
  const stat = readFileSync(path, "utf8");
  // pid (comm) state ppid … utime stime: comm may hold spaces, so split after its closing parenthesis
  const command = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return { command, seconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
}

/**
 * CPU milliseconds per request in each group between two readings: what each process still running used in
 * between (a process that started in between counts from zero; one that ended is left out).
 */
export function cpuPerRequest(before: CpuReading | null, after: CpuReading | null, requests: number): CpuGroups | null {
  return perRequest(before, after, requests, { app: 0, postgres: 0, loadGenerator: 0, nats: 0, consumers: 0, other: 0 });
}

export type AppThreads = Record<"serverThread" | "workerThreads" | "helpers", number>;

/** Each app server's threads: its JavaScript thread, its worker threads (the event relay's), and V8's and libuv's helpers. */
export type AppThreadReading = Map<string, { group: keyof AppThreads; seconds: number }>;

/**
 * CPU seconds of every thread of the app servers so far, with its group: the process's own thread is the server's
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
        const { command, seconds } = readStat(`/proc/${pid}/task/${tid}/stat`);
        const group = tid === pid ? "serverThread" : command.startsWith("next-server") ? "workerThreads" : "helpers";
        reading.set(`${pid}/${tid}`, { group, seconds });
      }
    } catch {
      // the process or thread ended between listing and reading
    }
  }
  return reading;
}

/** CPU milliseconds per request of each group of app threads between two readings (as cpuPerRequest). */
export function appThreadsPerRequest(before: AppThreadReading | null, after: AppThreadReading | null, requests: number): AppThreads | null {
  return perRequest(before, after, requests, { serverThread: 0, workerThreads: 0, helpers: 0 });
}

/** What each process or thread still running used between two readings, summed by its group, in ms per request. */
function perRequest<Key, Group extends string>(
  before: Map<Key, { group: Group; seconds: number }> | null,
  after: Map<Key, { group: Group; seconds: number }> | null,
  requests: number,
  zero: Record<Group, number>,
): Record<Group, number> | null {
  if (!before || !after || requests === 0) return null;
  const used = { ...zero };
  for (const [key, now] of after) used[now.group] += now.seconds - (before.get(key)?.seconds ?? 0);
  return Object.fromEntries(Object.entries<number>(used).map(([group, seconds]) => [group, (seconds * 1000) / requests])) as Record<Group, number>;
}
