/**
 * Prisma's WebAssembly schema engine, driven from Node: it applies migration folders (what `prisma migrate
 * deploy` does, same `_prisma_migrations` table) and diffs migrations against the schema (what `prisma migrate
 * dev --create-only` does). The native engine cannot be downloaded on our machines; this one ships in the npm
 * package. Used by scripts and the test harness only, never by the running app.
 */
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum, bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

export const PRISMA_DIR = resolve(process.cwd(), "prisma");
export const SCHEMA_PATH = join(PRISMA_DIR, "schema.prisma");
export const MIGRATIONS_DIR = join(PRISMA_DIR, "migrations");

const CHAR_OID = 18;
const TEXT_OID = 25;

/**
 * Describing a database reads catalog columns of PostgreSQL's internal one-byte `"char"` type (OID 18), which
 * adapter-pg refuses to deserialize, while the engine reads them as characters. Hand such columns to the
 * adapter as text, then label them Character in its answer. Patches adapter-pg's query class for the whole
 * process, which is why only migration tooling imports this module.
 */
function readCharColumnsAsCharacters(adapter: object) {
  type Field = { dataTypeID: number };
  type Queryable = {
    performIO(query: unknown): Promise<{ fields: Field[]; rows: unknown[][] }>;
    queryRaw(query: unknown): Promise<{ columnTypes: number[]; rows: unknown[][] }>;
    __charPatched?: boolean;
  };
  let proto = Object.getPrototypeOf(adapter) as Queryable | null;
  while (proto && !Object.hasOwn(proto, "performIO")) proto = Object.getPrototypeOf(proto);
  if (!proto || proto.__charPatched) return;
  const charColumnsOf = new WeakMap<unknown[][], number[]>();
  const performIO = proto.performIO;
  proto.performIO = async function (this: Queryable, query) {
    const result = await performIO.call(this, query);
    const charColumns = result.fields.flatMap((field, index) => (field.dataTypeID === CHAR_OID ? [index] : []));
    for (const index of charColumns) result.fields[index].dataTypeID = TEXT_OID;
    if (charColumns.length > 0) charColumnsOf.set(result.rows, charColumns);
    return result;
  };
  const queryRaw = proto.queryRaw;
  proto.queryRaw = async function (this: Queryable, query) {
    const result = await queryRaw.call(this, query);
    for (const index of charColumnsOf.get(result.rows) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  proto.__charPatched = true;
}

/**
 * adapter-pg's own shadow database connects to the main database when given a connection string, and drops
 * the shadow database while its pool still holds connections. This factory takes discrete connection fields
 * and drops the shadow database only after its pool is closed.
 */
class MigrationAdapterFactory extends PrismaPg {
  constructor(private readonly connection: pg.PoolConfig) {
    super({ ...connection, max: 2 });
  }

  private readonly opened: PgAdapter[] = [];

  override async connect() {
    const adapter = sendScriptsWhole(await super.connect());
    this.opened.push(adapter);
    return adapter;
  }

  /** The engine frees itself without closing its pools; an open pool would keep the process alive. */
  async closeAll() {
    await Promise.all(this.opened.splice(0).map((adapter) => adapter.dispose()));
  }

  override async connectToShadowDb() {
    const admin = new pg.Client({ ...this.connection, database: this.connection.database });
    await admin.connect();
    const database = `stockroom_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
    await admin.query(`CREATE DATABASE "${database}"`);
    await admin.end();
    const shadow = sendScriptsWhole(await new PrismaPg({ ...this.connection, database, max: 2 }).connect());
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      const cleanup = new pg.Client(this.connection);
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await cleanup.end();
    };
    return shadow;
  }
}

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

/**
 * adapter-pg runs a migration script by splitting it on every ";", which cuts a PL/pgSQL function body in
 * pieces. PostgreSQL's simple query protocol takes the whole script at once, as `prisma migrate` does.
 */
function sendScriptsWhole(adapter: PgAdapter): PgAdapter {
  readCharColumnsAsCharacters(adapter);
  const mapError = (adapter as unknown as { onError: (e: unknown) => never }).onError.bind(adapter);
  adapter.executeScript = async (script: string) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      mapError(error);
    }
  };
  return adapter;
}

export function connectionFields(url: string): pg.PoolConfig {
  const parsed = new URL(url);
  return {
    host: decodeURIComponent(parsed.hostname),
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username || "postgres"),
    password: decodeURIComponent(parsed.password) || undefined,
    database: decodeURIComponent(parsed.pathname.slice(1)) || "postgres",
  };
}

type WasmModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
type Engine = Awaited<ReturnType<WasmModule["SchemaEngine"]["new"]>>;

let wasmModule: Promise<WasmModule> | undefined;

/** The package's `exports` hide the wasm glue from require, so load it by file path. */
function loadWasm(): Promise<WasmModule> {
  wasmModule ??= (async () => {
    // The engine reports a Rust panic's message through this global before it aborts.
    const panics = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message: (m: string) => void } };
    panics.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message: (message) => console.error(`schema engine panic: ${message}`),
    };
    const require = createRequire(import.meta.url);
    const pkgDir = dirname(require.resolve("@prisma/schema-engine-wasm"));
    const bg = (await import(pathToFileURL(join(pkgDir, "schema_engine_bg.js")).href)) as WasmModule & {
      __wbg_set_wasm: (exports: WebAssembly.Exports) => void;
    };
    const bytes = await readFile(join(pkgDir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg as never });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return wasmModule;
}

async function withEngine<T>(databaseUrl: string, work: (engine: Engine, schema: string) => Promise<T>): Promise<T> {
  const bg = await loadWasm();
  const schema = await readFile(SCHEMA_PATH, "utf8");
  const adapterFactory = new MigrationAdapterFactory(connectionFields(databaseUrl));
  const factory = bindMigrationAwareSqlAdapterFactory(adapterFactory);
  const logs: string[] = [];
  const engine = await bg.SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schema]] }, (log: string) => logs.push(log), factory);
  try {
    return await work(engine, schema);
  } finally {
    engine.free();
    await adapterFactory.closeAll();
  }
}

const filters = { externalTables: [], externalEnums: [] };

export async function readMigrationsList() {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true }).catch(() => []);
  const folders = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrationDirectories = await Promise.all(
    folders.map(async (folder) => ({
      path: folder,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: await readFile(join(MIGRATIONS_DIR, folder, "migration.sql"), "utf8") },
      },
    })),
  );
  const lockfile = await readFile(join(MIGRATIONS_DIR, "migration_lock.toml"), "utf8").catch(() => null);
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: "migration_lock.toml", content: lockfile },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/** Applies every migration folder not yet applied; returns the names it applied. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const migrationsList = await readMigrationsList();
  return withEngine(databaseUrl, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList, filters });
    return result.appliedMigrationNames;
  });
}

export const EMPTY_MIGRATION = "-- This is an empty migration.";

/**
 * The SQL that takes a database from the state the migrations leave to the state `schema.prisma` describes,
 * replayed in a throwaway shadow database on `databaseUrl`'s server (PGlite cannot host one).
 */
export async function diffMigrationsToSchema(databaseUrl: string): Promise<string> {
  const migrationsList = await readMigrationsList();
  return withEngine(databaseUrl, async (engine, schema) => {
    const from = migrationsList.migrationDirectories.length === 0 ? { tag: "empty" as const } : { tag: "migrations" as const, ...migrationsList };
    const result = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      shadowDatabaseUrl: null,
      exitCode: null,
      filters,
    } as never);
    return (result as { stdout: string }).stdout.trim();
  });
}
