/** Point forecasts for the `horizon` periods after the end of `y` (observed values, no gaps). */
export type PointForecaster = (y: readonly number[], horizon: number, seasonLength: number) => number[];

/** A method that can be chosen for a series; `fit` may settle its structure once on the whole history. */
export type Candidate = {
  name: string;
  /** Chooses any structure (e.g. which ETS form) on the history; refits within the holdout reuse it. */
  prepare: (y: readonly number[], seasonLength: number) => PointForecaster;
};

/** Syntetos–Boylan demand classes. */
export type DemandClass = "smooth" | "erratic" | "intermittent" | "lumpy";
