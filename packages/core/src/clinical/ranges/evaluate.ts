import type { Observation, ObservationReferenceRange, Quantity } from '@medplum/fhirtypes';
import { convertUnit } from '../../fhir/units';
import { analyteForLoinc } from '../analytes';
import { ucumUnitOf } from '../scores/from-record/observations';
import type { Citation } from '../source';
import { CHECKUP_ANALYTES, analytesOf } from './analytes';
import type { AnalyteCarrier, AnalyteKey, CheckupAnalyte } from './analytes';
import { criticalLimit } from './critical-limits';
import { qualitativeOf } from './qualitative';
import type { QualitativeResult } from './qualitative';
import { careLoopRange } from './reference-ranges';

/** The interval a result was judged against, in the analyte's unit. */
export interface AppliedRange {
  readonly low?: number;
  readonly high?: number;
  readonly highInclusive?: boolean;
  /** `lab`: the laboratory's own referenceRange; `careloop`: CareLoop's table (with its source). */
  readonly origin: 'lab' | 'careloop';
  readonly source?: Citation;
}

export type ResultFlag =
  'normal' | 'low' | 'high' | 'critical-low' | 'critical-high' | 'positive' | 'negative' | 'unknown';

/** One result of a checkup against its range. */
export interface ResultInterpretation {
  readonly analyte: AnalyteKey;
  readonly loinc: string;
  readonly observation: Observation;
  /** `Observation/<id>`. */
  readonly reference: string;
  /** The Observation's effective date (YYYY-MM-DD), when it has one. */
  readonly date?: string;
  /** The value in the analyte's CareLoop unit (numeric results). */
  readonly value?: number;
  readonly unit?: string;
  readonly qualitative?: QualitativeResult;
  /** "6.5 mmol/L" as reported, or the qualitative answer. */
  readonly display: string;
  readonly range?: AppliedRange;
  readonly flag: ResultFlag;
  /** The critical limit crossed, when flag is critical-*. */
  readonly criticalSource?: Citation;
}

/** Who the result belongs to: CareLoop ranges depend on sex and age. */
export interface Person {
  readonly sex?: 'male' | 'female';
  readonly age?: number;
}

/** Conversion factors by "from|to|molar mass": every unit CareLoop compares in is ratio-scale (no offset). */
const FACTORS = new Map<string, number | null>();

/** A value converted to the analyte's unit (mass ⇄ substance through the molar mass of the LOINC code's analyte). */
export function toAnalyteUnit(value: number, unit: string, def: CheckupAnalyte, loinc: string): number | undefined {
  if (!def.unit) return undefined;
  if (def.monovalent && /^m?eq\/l$/i.test(unit.replace('[', '').replace(']', ''))) return value;
  const mm = analyteForLoinc(loinc)?.molarMass;
  const key = `${unit}|${def.unit}|${String(mm)}`;
  let factor = FACTORS.get(key);
  if (factor === undefined) {
    const c = convertUnit(1, unit, def.unit, mm);
    factor = c.ok ? c.value : null;
    FACTORS.set(key, factor);
  }
  return factor === null ? undefined : value * factor;
}

function bound(q: Quantity | undefined, fallbackUnit: string, def: CheckupAnalyte, loinc: string): number | undefined {
  if (q?.value === undefined) return undefined;
  const unit = ucumUnitOf(q) ?? fallbackUnit;
  return toAnalyteUnit(q.value, unit, def, loinc);
}

function labRange(
  ranges: readonly ObservationReferenceRange[] | undefined,
  unit: string,
  def: CheckupAnalyte,
  loinc: string,
) {
  const normal = ranges?.find((r) => !r.type || r.type.coding?.some((c) => c.code === 'normal'));
  if (!normal) return undefined;
  const low = bound(normal.low, unit, def, loinc);
  const high = bound(normal.high, unit, def, loinc);
  if (low === undefined && high === undefined) return undefined;
  const out: AppliedRange = {
    origin: 'lab',
    ...(low !== undefined ? { low } : {}),
    ...(high !== undefined ? { high } : {}),
  };
  return out;
}

/** CareLoop's own range (reference-ranges table) for the analyte, sex and age, with its source (also a trend band). */
export function careLoopAppliedRange(analyte: AnalyteKey, person: Person): AppliedRange | undefined {
  const row = careLoopRange(analyte, person.sex, person.age);
  if (!row) return undefined;
  return {
    origin: 'careloop',
    source: row.source,
    ...(row.low !== undefined ? { low: row.low } : {}),
    ...(row.high !== undefined ? { high: row.high } : {}),
    ...(row.highInclusive ? { highInclusive: true } : {}),
  };
}

/** A UCUM unit as people read it: mmHg, µmol/L, ×10⁹/L. */
export function prettyUnit(unit: string): string {
  return unit
    .replace('mm[Hg]', 'mmHg')
    .replace(/^umol/, 'µmol')
    .replace('10*9/L', '×10⁹/L')
    .replace('10*3/uL', '×10³/µL')
    .replace('{1.73_m2}', '1.73m²')
    .replace('kg/m2', 'kg/m²');
}

function flagOf(value: number, range: AppliedRange | undefined): ResultFlag {
  if (!range) return 'unknown';
  if (range.low !== undefined && value < range.low) return 'low';
  if (range.high !== undefined && (value > range.high || (range.highInclusive === true && value === range.high))) {
    return 'high';
  }
  return 'normal';
}

function numeric(c: AnalyteCarrier, base: Omit<ResultInterpretation, 'display' | 'flag'>, person: Person) {
  const def: CheckupAnalyte = CHECKUP_ANALYTES[c.analyte];
  const q = c.carrier.valueQuantity;
  const unit = q ? ucumUnitOf(q) : undefined;
  if (q?.value === undefined || unit === undefined || q.comparator) return undefined;
  const value = toAnalyteUnit(q.value, unit, def, c.loinc);
  if (value === undefined) return undefined;
  const range = labRange(c.carrier.referenceRange, unit, def, c.loinc) ?? careLoopAppliedRange(c.analyte, person);
  const critical = criticalLimit(c.analyte);
  let flag = flagOf(value, range);
  if (critical?.low !== undefined && value < critical.low) flag = 'critical-low';
  if (critical?.high !== undefined && value > critical.high) flag = 'critical-high';
  const result: ResultInterpretation = {
    ...base,
    value,
    ...(def.unit ? { unit: def.unit } : {}),
    display: `${String(q.value)} ${prettyUnit(q.unit ?? unit)}`,
    ...(range ? { range } : {}),
    flag,
    ...(flag.startsWith('critical') && critical ? { criticalSource: critical.source } : {}),
  };
  return result;
}

/** Each result an Observation reports, judged against the lab's range first, else CareLoop's (and critical limits). */
export function evaluateObservation(o: Observation, person: Person): ResultInterpretation[] {
  const date = (o.effectiveDateTime ?? o.effectiveInstant ?? o.effectivePeriod?.start)?.slice(0, 10);
  const out: ResultInterpretation[] = [];
  for (const c of analytesOf(o)) {
    const base = {
      analyte: c.analyte,
      loinc: c.loinc,
      observation: o,
      reference: `Observation/${o.id ?? '?'}`,
      ...(date ? { date } : {}),
    };
    if (!CHECKUP_ANALYTES[c.analyte].unit) {
      const q = qualitativeOf(c.carrier.valueCodeableConcept, c.carrier.valueString);
      out.push({
        ...base,
        ...(q ? { qualitative: q } : {}),
        display: q ?? c.carrier.valueString ?? '?',
        flag: q ?? 'unknown',
      });
      continue;
    }
    const r = numeric(c, base, person);
    if (r) out.push(r);
  }
  return out;
}
