/** A published source for a piece of clinical knowledge: kept as data so it can be shown and exported. */
export interface Citation {
  /** Authors, title, journal, year (or guideline body, title, year). */
  readonly citation: string;
  readonly doi?: string;
  readonly url?: string;
}
