import type { AnalyteKey } from './analytes';
import { RANGE_SOURCES as S } from './sources';
import type { Citation } from '../source';

/** One adult reference interval, in the analyte's CareLoop unit (see CHECKUP_ANALYTES); low ≤ normal ≤ high. */
export interface ReferenceRangeRow {
  readonly analyte: AnalyteKey;
  readonly sex?: 'male' | 'female';
  /** Age band in completed years, inclusive. */
  readonly ageMin?: number;
  readonly ageMax?: number;
  readonly low?: number;
  /** Upper limit of normal; values above it are high. */
  readonly high?: number;
  /** When true, a value equal to `high` is already high (thresholds published as "≥"). */
  readonly highInclusive?: boolean;
  readonly source: Citation;
}

/**
 * CareLoop's own adult reference intervals, used only when the laboratory sent no referenceRange. Rows are tried in
 * order; the first whose sex and age match applies. Lipids use the guideline's "appropriate level" cut-points and
 * uric acid the hyperuricaemia threshold, as Chinese checkup centres report them.
 */
export const REFERENCE_RANGES: readonly ReferenceRangeRow[] = [
  { analyte: 'alt', sex: 'male', ageMin: 20, ageMax: 79, low: 9, high: 50, source: S.wst404_1 },
  { analyte: 'alt', sex: 'female', ageMin: 20, ageMax: 79, low: 7, high: 40, source: S.wst404_1 },
  { analyte: 'ast', sex: 'male', ageMin: 20, ageMax: 79, low: 15, high: 40, source: S.wst404_1 },
  { analyte: 'ast', sex: 'female', ageMin: 20, ageMax: 79, low: 13, high: 35, source: S.wst404_1 },
  { analyte: 'ggt', sex: 'male', ageMin: 20, ageMax: 79, low: 10, high: 60, source: S.wst404_1 },
  { analyte: 'ggt', sex: 'female', ageMin: 20, ageMax: 79, low: 7, high: 45, source: S.wst404_1 },
  { analyte: 'potassium', ageMin: 20, ageMax: 79, low: 3.5, high: 5.3, source: S.wst404_3 },
  { analyte: 'sodium', ageMin: 20, ageMax: 79, low: 137, high: 147, source: S.wst404_3 },
  { analyte: 'creatinine', sex: 'male', ageMin: 20, ageMax: 59, low: 57, high: 97, source: S.wst404_5 },
  { analyte: 'creatinine', sex: 'male', ageMin: 60, ageMax: 79, low: 57, high: 111, source: S.wst404_5 },
  { analyte: 'creatinine', sex: 'female', ageMin: 20, ageMax: 59, low: 41, high: 73, source: S.wst404_5 },
  { analyte: 'creatinine', sex: 'female', ageMin: 60, ageMax: 79, low: 41, high: 81, source: S.wst404_5 },
  { analyte: 'hemoglobin', sex: 'male', ageMin: 18, low: 130, high: 175, source: S.wst405 },
  { analyte: 'hemoglobin', sex: 'female', ageMin: 18, low: 115, high: 150, source: S.wst405 },
  { analyte: 'wbc', ageMin: 18, low: 3.5, high: 9.5, source: S.wst405 },
  { analyte: 'platelets', ageMin: 18, low: 125, high: 350, source: S.wst405 },
  { analyte: 'fastingGlucose', ageMin: 18, low: 3.9, high: 6.1, highInclusive: true, source: S.cds2020 },
  { analyte: 'totalCholesterol', ageMin: 18, high: 5.2, highInclusive: true, source: S.lipid2023 },
  { analyte: 'ldl', ageMin: 18, high: 3.4, highInclusive: true, source: S.lipid2023 },
  { analyte: 'hdl', ageMin: 18, low: 1.0, source: S.lipid2023 },
  { analyte: 'triglycerides', ageMin: 18, high: 1.7, highInclusive: true, source: S.lipid2023 },
  { analyte: 'urate', ageMin: 18, high: 420, source: S.hua2019 },
  { analyte: 'uacr', ageMin: 18, high: 30, highInclusive: true, source: S.kdigo2012 },
];

/** The CareLoop interval for an analyte, sex and age, or undefined when none applies. */
export function careLoopRange(
  analyte: AnalyteKey,
  sex: 'male' | 'female' | undefined,
  age: number | undefined,
): ReferenceRangeRow | undefined {
  return REFERENCE_RANGES.find(
    (r) =>
      r.analyte === analyte &&
      (r.sex === undefined || r.sex === sex) &&
      (r.ageMin === undefined || (age !== undefined && age >= r.ageMin)) &&
      (r.ageMax === undefined || (age !== undefined && age <= r.ageMax)),
  );
}
