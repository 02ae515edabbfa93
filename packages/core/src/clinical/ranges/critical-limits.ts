import type { AnalyteKey } from './analytes';
import { RANGE_SOURCES } from './sources';
import type { Citation } from '../source';

/** A critical (panic) limit: a value below `low` or above `high` must reach a clinician at once. */
export interface CriticalLimit {
  readonly analyte: AnalyteKey;
  /** In the analyte's CareLoop unit. */
  readonly low?: number;
  readonly high?: number;
  readonly source: Citation;
}

/**
 * Critical limits applied to every result whatever range the laboratory sent (labs rarely send their critical
 * limits in FHIR). Glucose 46/484 mg/dL converted with 180.16 g/mol: 2.55/26.9 mmol/L.
 */
export const CRITICAL_LIMITS: readonly CriticalLimit[] = [
  { analyte: 'potassium', low: 2.8, high: 6.2, source: RANGE_SOURCES.kost1990 },
  { analyte: 'sodium', low: 120, high: 158, source: RANGE_SOURCES.kost1990 },
  { analyte: 'fastingGlucose', low: 2.55, high: 26.9, source: RANGE_SOURCES.kost1990 },
  { analyte: 'glucose', low: 2.55, high: 26.9, source: RANGE_SOURCES.kost1990 },
];

/** The critical limit of an analyte, if it has one. */
export function criticalLimit(analyte: AnalyteKey): CriticalLimit | undefined {
  return CRITICAL_LIMITS.find((c) => c.analyte === analyte);
}
