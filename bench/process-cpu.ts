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
