import type { Fact } from '../../clinical/checkup-rules/types';
import { albuminuriaCategory, gfrCategory } from '../../clinical/scores/kdigo-categories';
import { kdigoCkdHeatmap } from '../../clinical/scores/kdigo-ckd-heatmap';
import { runScore } from '../../clinical/scores/run';
import type { ScoreValue } from '../../clinical/scores/run';
import type { ScoreFromRecordResult } from '../../clinical/scores/from-record/types';
import { both, derivationEvidence, fact, num, uniqueEvidence } from './fact-helpers';

type Scores = ReadonlyMap<string, ScoreFromRecordResult>;

function valueOf(r: ScoreFromRecordResult | undefined): ScoreValue | undefined {
  return r?.result?.applicable ? r.result : undefined;
}

/** A category fact from a score (`bpGrade`, `bmiCategory`), shown as the category's interpretation. */
function categoryFact(scores: Scores, id: string, name: string, into: Map<string, Fact>): void {
  const s = scores.get(id);
  const v = valueOf(s);
  if (!s || !v?.category) return;
  into.set(name, fact(v.category, v.interpretation ?? both(v.category), derivationEvidence(s.derivations), v.source));
}

/** An input the score used, when this checkup's results did not give it (e.g. a BP read from history). */
function inputFact(scores: Scores, id: string, input: string, unit: string, into: Map<string, Fact>): void {
  const s = scores.get(id);
  const raw = valueOf(s)?.inputs[input];
  if (!s || typeof raw !== 'number' || into.has(input)) return;
  const evidence = derivationEvidence(s.derivations.filter((d) => d.input === input));
  into.set(input, fact(raw, both(`${num(raw, 1)} ${unit}`), evidence));
}

function kidneyFacts(scores: Scores, into: Map<string, Fact>): void {
  const computed = scores.get('ckd-epi-2021-egfr');
  const cv = valueOf(computed);
  if (!into.has('egfr') && computed && cv) {
    const text = `${num(cv.value, 0)} mL/min/1.73m² (CKD-EPI 2021)`;
    into.set('egfr', fact(cv.value, both(text), derivationEvidence(computed.derivations), cv.source));
  }
  const egfr = into.get('egfr');
  const uacr = into.get('uacr');
  if (egfr && typeof egfr.value === 'number') {
    const g = gfrCategory(egfr.value);
    into.set('gfrCategory', fact(g, both(g), egfr.evidence));
  }
  if (uacr && typeof uacr.value === 'number') {
    const a = albuminuriaCategory(uacr.value);
    into.set('albuminuriaCategory', fact(a, both(a), uacr.evidence));
  }
  into.set('uacrMissing', fact(!uacr, both(uacr ? 'no' : 'yes'), []));
  if (!egfr || !uacr || typeof egfr.value !== 'number' || typeof uacr.value !== 'number') return;
  const map = runScore(kdigoCkdHeatmap, { egfr: egfr.value, albuminCreatinineRatio: uacr.value });
  if (!map.applicable || !map.category) return;
  const evidence = uniqueEvidence([egfr.evidence, uacr.evidence]);
  const sources = [...(egfr.sources ?? []), ...map.source];
  into.set('ckdCell', fact(map.category, both(map.category), evidence, sources));
  into.set('ckdRisk', fact(map.value, map.interpretation ?? both(String(map.value)), evidence));
}

/** Facts from the scores: BP grade, BMI category, eGFR and the KDIGO cell, FIB-4. */
export function scoreFacts(scores: Scores, into: Map<string, Fact>): void {
  categoryFact(scores, 'china-hypertension-grade', 'bpGrade', into);
  inputFact(scores, 'china-hypertension-grade', 'systolicBP', 'mmHg', into);
  inputFact(scores, 'china-hypertension-grade', 'diastolicBP', 'mmHg', into);
  categoryFact(scores, 'china-bmi-category', 'bmiCategory', into);
  inputFact(scores, 'china-bmi-category', 'bmi', 'kg/m²', into);
  kidneyFacts(scores, into);
  const fib4 = scores.get('fib-4');
  const fv = valueOf(fib4);
  if (fib4 && fv)
    into.set('fib4', fact(fv.value, both(num(fv.value)), derivationEvidence(fib4.derivations), fv.source));
}
