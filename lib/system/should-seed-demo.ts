/**
 * Which databases get the demo warehouse (and with it four users whose password is public): the embedded one
 * `npm start` runs for a try-out, or any database when STOCKROOM_DEMO=1 asks for it. A PostgreSQL server named
 * by DATABASE_URL is taken to be a real installation and gets none unless asked; STOCKROOM_DEMO=0 keeps even
 * the embedded database empty. Only a database without users is ever seeded, so a restart adds nothing.
 */
export type DemoFacts = {
  /** true when `npm start` runs PGlite itself (no DATABASE_URL) */
  embedded: boolean;
  /** STOCKROOM_DEMO as set in the environment */
  demoSetting: string | undefined;
  /** whether the users table has any row */
  hasUsers: boolean;
};

export function isDemoWanted(embedded: boolean, demoSetting: string | undefined): boolean {
  const setting = demoSetting?.trim();
  if (setting === undefined || setting === "") return embedded;
  if (setting === "1") return true;
  if (setting === "0") return false;
  throw new Error(`STOCKROOM_DEMO must be 1 (demo data) or 0 (none), not "${demoSetting}"`);
}

export function shouldSeedDemo({ embedded, demoSetting, hasUsers }: DemoFacts): boolean {
  return isDemoWanted(embedded, demoSetting) && !hasUsers;
}
