import type { Observation, Patient } from '@medplum/fhirtypes';
import type { Fact } from '../../clinical/checkup-rules/types';
import type { AnalyteKey } from '../../clinical/ranges/analytes';
import { evaluateObservation } from '../../clinical/ranges/evaluate';
import type { Person, ResultInterpretation } from '../../clinical/ranges/evaluate';
import { ckdEpi2021Egfr } from '../../clinical/scores/ckd-epi-2021-egfr';
import { completedYears } from '../../clinical/scores/from-record/patient-inputs';
import { GFR_CATEGORIES, gfrCategory } from '../../clinical/scores/kdigo-categories';
import { runScore, ScoreInputError } from '../../clinical/scores/run';
import { dateRange } from '../../fhir/dates';
import { both, fact, num, resultEvidence } from './fact-helpers';

const USABLE: ReadonlySet<string> = new Set(['final', 'amended', 'corrected']);
const HIGH: ReadonlySet<string> = new Set(['high', 'critical-high']);
const LOW: ReadonlySet<string> = new Set(['low', 'critical-low']);

function startOf(o: Observation): number | undefined {
  const v = o.effectiveDateTime ?? o.effectiveInstant ?? o.effectivePeriod?.start;
  return v ? dateRange(v)?.low : undefined;
}

/** The latest result of each analyte in the history taken before the checkup began. */
export function previousResults(
  history: readonly Observation[],
  before: number,
  person: Person,
): Map<AnalyteKey, ResultInterpretation> {
  const latest = new Map<AnalyteKey, { at: number; r: ResultInterpretation }>();
  for (const o of history) {
    const at = startOf(o);
    if (at === undefined || at >= before || !USABLE.has(o.status)) continue;
    for (const r of evaluateObservation(o, person)) {
      const seen = latest.get(r.analyte);
      if (!seen || at > seen.at) latest.set(r.analyte, { at, r });
    }
  }
  return new Map([...latest].map(([k, v]) => [k, v.r]));
}

/** `<analyte>.change` = new-high / new-low where the previous result was in range and this one is not. */
export function changeFacts(
  current: readonly ResultInterpretation[],
  previous: ReadonlyMap<AnalyteKey, ResultInterpretation>,
  into: Map<string, Fact>,
): void {
  for (const r of current) {
    const p = previous.get(r.analyte);
    if (p?.flag !== 'normal') continue;
    const side = HIGH.has(r.flag) ? 'high' : LOW.has(r.flag) ? 'low' : undefined;
    if (!side) continue;
    const evidence = [resultEvidence(p), resultEvidence(r)];
    into.set(`${r.analyte}.change`, fact(`new-${side}`, both(`new-${side}`), evidence));
    into.set(`${r.analyte}.previous`, fact(p.display, both(`${p.display}${p.date ? ` (${p.date})` : ''}`), evidence));
  }
}

/** eGFR of the previous checkup: as reported, else CKD-EPI 2021 from its creatinine, age and sex then. */
function previousEgfr(previous: ReadonlyMap<AnalyteKey, ResultInterpretation>, patient: Patient) {
  const reported = previous.get('egfr');
  if (reported?.value !== undefined) return { value: reported.value, r: reported };
  const cr = previous.get('creatinine');
  const years = cr?.date && patient.birthDate ? completedYears(patient.birthDate, cr.date) : undefined;
  if (cr?.value === undefined || years === undefined) return undefined;
  try {
    const s = runScore(ckdEpi2021Egfr, {
      age: years,
      sex: patient.gender,
      creatinine: { value: cr.value, unit: 'umol/L' },
    });
    return s.applicable ? { value: s.value, r: cr } : undefined;
  } catch (err) {
    if (err instanceof ScoreInputError) return undefined;
    throw err;
  }
}

const G_ORDER = GFR_CATEGORIES.map((c) => c.code);

/** `egfr.declinePercent` and `egfr.categoryDropped` against the previous checkup (KDIGO certain drift). */
export function egfrChangeFacts(
  previous: ReadonlyMap<AnalyteKey, ResultInterpretation>,
  patient: Patient,
  into: Map<string, Fact>,
): void {
  const now = into.get('egfr');
  const before = previousEgfr(previous, patient);
  if (!now || typeof now.value !== 'number' || !before || before.value <= 0) return;
  const pct = ((before.value - now.value) / before.value) * 100;
  const dropped = G_ORDER.indexOf(gfrCategory(now.value)) > G_ORDER.indexOf(gfrCategory(before.value));
  const evidence = [resultEvidence(before.r), ...now.evidence];
  const shown = `${num(before.value, 0)} mL/min/1.73m²${before.r.date ? ` (${before.r.date})` : ''}`;
  into.set('egfr.previous', fact(before.value, both(shown), evidence));
  into.set('egfr.declinePercent', fact(pct, both(`${num(pct, 0)}%`), evidence));
  into.set('egfr.categoryDropped', fact(dropped, both(dropped ? 'yes' : 'no'), evidence));
}
