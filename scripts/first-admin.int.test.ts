// npm start and npm run admin:create as an operator runs them, as child processes on this file's fresh
// (migrated, empty) database: a real installation never gets the demo users, and never serves without an admin.
import { spawn } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { signInWithPassword } from "../lib/auth/sign-in";
import { getDb } from "../lib/db/client";

type Outcome = { code: number | null; stdout: string; stderr: string };

function runScript(script: string, args: string[] = [], env: Record<string, string> = {}): Promise<Outcome> {
  const { STOCKROOM_DEMO: _demo, STOCKROOM_BOOTSTRAP_API_KEY: _key, ...inherited } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    env: { ...inherited, STOCKROOM_SKIP_BUILD: "1", PORT: "3299", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, so a server it spawned goes down with it below
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  // A start that does not refuse would go on to seed and serve: stop it rather than wait for the test's timeout.
  const deadline = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 45_000);
  return new Promise((resolve) =>
    child.on("exit", (code) => {
      clearTimeout(deadline);
      resolve({ code, stdout, stderr });
    }),
  );
}

describe("the first admin of a real installation", () => {
  const db = getDb();
  afterAll(() => db.$disconnect());

  it("npm start refuses to serve an empty PostgreSQL database, and seeds no demo users there", async () => {
    const start = await runScript("scripts/start.ts");
    expect(start.code).toBe(1);
    expect(start.stderr).toContain("not starting: this database has no admin");
    expect(start.stderr).toContain("npm run admin:create");
    expect(start.stdout).not.toContain("Stockroom is running");
    expect(await db.user.count()).toBe(0);
  }, 60_000);

  it("admin:create refuses a short password, then creates an admin who can sign in, audited", async () => {
    const refused = await runScript("scripts/create-admin.ts", ["--email", "Ops@Example.com", "--name", "Olu Ops"], {
      STOCKROOM_ADMIN_PASSWORD: "short",
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("password: At least 8 characters");
    expect(await db.user.count()).toBe(0);

    const created = await runScript("scripts/create-admin.ts", ["--email", "Ops@Example.com", "--name", "Olu Ops"], {
      STOCKROOM_ADMIN_PASSWORD: "a long secret phrase",
    });
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    const admin = await db.user.findUniqueOrThrow({ where: { email: "ops@example.com" } });
    expect(admin).toMatchObject({ role: "admin", active: true, name: "Olu Ops" });
    expect(await signInWithPassword(db, { email: "ops@example.com", password: "a long secret phrase" })).not.toBeNull();
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "user.create", entityId: admin.id } });
    expect(audit.actorLabel).toBe("system");
    expect(JSON.stringify([audit.before, audit.after])).not.toContain("a long secret phrase");
  }, 60_000);

  it("admin:create says what is missing instead of waiting for a terminal that is not there", async () => {
    const missing = await runScript("scripts/create-admin.ts", ["--email", "second@example.com"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("Name is missing: pass --name or set STOCKROOM_ADMIN_NAME");
  }, 60_000);
});
