import { Conflict } from "../domain-error";

/** Someone saved the map since this edit began: reload version `currentVersion` and edit from there. */
export class MapVersionStale extends Conflict {
  readonly code = "map_version_stale";
  constructor(site: string, sentVersion: number, currentVersion: number) {
    super(`The map of ${site} is at version ${currentVersion}, not ${sentVersion}: reload it and make the change again`, {
      site,
      sentVersion,
      currentVersion,
    });
  }
}

export class NothingToUndo extends Conflict {
  readonly code = "map_nothing_to_undo";
  constructor(site: string, currentVersion: number) {
    super(`The map of ${site} has no earlier version to go back to`, { site, currentVersion });
  }
}
