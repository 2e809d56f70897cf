/**
 * npm run admin:create — the first admin of a real installation (or another one later), so no installation
 * has to start with the demo users' known password. Takes the e-mail, name and password from flags
 * (--email, --name, --password) or the environment (STOCKROOM_ADMIN_EMAIL, STOCKROOM_ADMIN_NAME,
 * STOCKROOM_ADMIN_PASSWORD), and asks for what is missing when a person is at the terminal (the password
 * unechoed, twice). Goes through lib/users' createUser, so the same rules (valid e-mail, password length,
 * unique e-mail) and the same audit entry apply as for an admin adding a user on the screen.
 * Works on DATABASE_URL, else the embedded database; applies the migrations first, so it can run before the
 * first `npm start`.
 */
import { createInterface } from "node:readline/promises";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { SYSTEM_ACTOR } from "../lib/auth/actor";
import { createDb } from "../lib/db/client";
import { applyMigrations } from "../lib/db/schema-engine";
import { DomainError } from "../lib/domain-error";
import { createUser } from "../lib/users/create-user";
import { openScriptDatabase } from "./database";

const { values: flags } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
  strict: true,
});
const isInteractive = Boolean(process.stdin.isTTY && process.stdout.isTTY);

/** Reads one line from the terminal; a hidden answer is not echoed (the prompt still is). */
async function ask(question: string, hidden = false): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, encoding, done) {
      if (!muted) process.stdout.write(chunk, encoding);
      done();
    },
  });
  const terminal = createInterface({ input: process.stdin, output, terminal: true });
  try {
    const answer = terminal.question(question);
    muted = hidden;
    return await answer;
  } finally {
    terminal.close();
    if (hidden) process.stdout.write("\n");
  }
}

async function value(flag: "email" | "name", envName: string, label: string): Promise<string> {
  const given = flags[flag] ?? process.env[envName];
  if (given !== undefined) return given;
  if (!isInteractive) fail(`${label} is missing: pass --${flag} or set ${envName}`);
  return ask(`${label}: `);
}

async function password(): Promise<string> {
  const given = flags.password ?? process.env.STOCKROOM_ADMIN_PASSWORD;
  if (given !== undefined) return given;
  if (!isInteractive) fail("Password is missing: set STOCKROOM_ADMIN_PASSWORD (or pass --password)");
  const first = await ask("Password: ", true);
  if ((await ask("Password again: ", true)) !== first) fail("the two passwords differ; nothing was created");
  return first;
}

function fail(message: string): never {
  console.error(`admin:create: ${message}`);
  process.exit(1);
}

const email = await value("email", "STOCKROOM_ADMIN_EMAIL", "E-mail");
const name = await value("name", "STOCKROOM_ADMIN_NAME", "Name");
const secret = await password();

const database = await openScriptDatabase();
const db = createDb(database.url, 2);
let exitCode = 0;
try {
  await applyMigrations(database.url);
  const admin = await createUser(db, SYSTEM_ACTOR, { email, name, role: "admin", password: secret, sites: [] });
  console.log(`admin:create: ${admin.email} can now sign in as admin`);
} catch (error) {
  exitCode = 1;
  if (error instanceof ZodError)
    for (const issue of error.issues) console.error(`admin:create: ${issue.path.join(".") || "input"}: ${issue.message}`);
  else if (error instanceof DomainError) console.error(`admin:create: ${error.message}`);
  else throw error;
} finally {
  await db.$disconnect();
  await database.close();
}
// The schema engine leaves a timer behind for ~10 s after its work is done; nothing else is pending here.
process.exit(exitCode);
