/**
 * A published point table as data: rows are tried in order; a row applies when the value is `below` its bound
 * (exclusive) or `upTo` its bound (inclusive), and a row with neither bound takes whatever is left. Keeping the
 * printed boundaries (e.g. "≤8", "9–11", "<25", "25–30", ">30") as written avoids off-by-one re-readings.
 */
export interface PointBand {
  /** Applies when value < below. */
  readonly below?: number;
  /** Applies when value <= upTo. */
  readonly upTo?: number;
  readonly points: number;
}

/** The points of the first band the value falls in. Throws on a table without a catch-all row (programmer error). */
export function pointsFor(bands: readonly PointBand[], value: number): number {
  for (const band of bands) {
    if (band.below !== undefined) {
      if (value < band.below) return band.points;
    } else if (band.upTo !== undefined) {
      if (value <= band.upTo) return band.points;
    } else return band.points;
  }
  throw new Error(`point table has no band for ${value}`);
}

/** Sum of the points of the flags that are true. */
export function flagPoints<K extends string>(
  weights: Readonly<Record<K, number>>,
  flags: Readonly<Record<NoInfer<K>, boolean>>,
): number {
  let sum = 0;
  for (const key of Object.keys(weights) as K[]) if (flags[key]) sum += weights[key];
  return sum;
}
