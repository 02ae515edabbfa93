import { LIPID_RISK_LEVELS, lipidRiskLevel } from '../../clinical/checkup-rules/lipid-risk';
import { RULE_SOURCES } from '../../clinical/checkup-rules/sources';
import type { Evidence, Fact } from '../../clinical/checkup-rules/types';
import type { RecordContext } from '../../clinical/scores/from-record/context';
import { conditionFlag, medicationFlag, smoker } from '../../clinical/scores/from-record/flag-inputs';
import { age, sex } from '../../clinical/scores/from-record/patient-inputs';
import type { Gathered } from '../../clinical/scores/from-record/types';
import { both, fact, num, uniqueEvidence } from './fact-helpers';

const YES_NO = { true: { 'zh-CN': '是', en: 'yes' }, false: { 'zh-CN': '否', en: 'no' } } as const;

function evidenceOf(g: Gathered): Evidence[] {
  if (!('value' in g)) return [];
  return g.basis.flatMap((r) => (r.id ? [{ reference: `${r.resourceType}/${r.id}`, display: g.how }] : []));
}

function flag(gs: readonly Gathered[]): { value: boolean; evidence: Evidence[] } {
  const found = gs.filter((g) => 'value' in g && g.value === true);
  return { value: found.length > 0, evidence: uniqueEvidence(found.map(evidenceOf)) };
}

/** Facts from the Patient and the record: sex, age, known diabetes, clinical ASCVD, hypertension, smoking. */
export function recordFacts(ctx: RecordContext, into: Map<string, Fact>): void {
  const s = sex(ctx);
  if ('value' in s && typeof s.value === 'string') {
    into.set(
      'sex',
      fact(
        s.value,
        s.value === 'male' ? { 'zh-CN': '男', en: 'male' } : { 'zh-CN': '女', en: 'female' },
        evidenceOf(s),
      ),
    );
  }
  const a = age(ctx);
  if ('value' in a && typeof a.value === 'number') into.set('age', fact(a.value, both(String(a.value)), evidenceOf(a)));
  const flags = {
    knownDiabetes: flag([conditionFlag('diabetes')(ctx)]),
    ascvd: flag([conditionFlag('vascularDisease')(ctx), conditionFlag('stroke')(ctx)]),
    hypertension: flag([conditionFlag('hypertension')(ctx), medicationFlag('antihypertensive')(ctx)]),
    smoker: flag([smoker(ctx)]),
  };
  for (const [name, f] of Object.entries(flags)) {
    into.set(name, fact(f.value, YES_NO[f.value ? 'true' : 'false'], f.evidence));
  }
}

function numeric(facts: ReadonlyMap<string, Fact>, name: string): number | undefined {
  const v = facts.get(name)?.value;
  return typeof v === 'number' ? v : undefined;
}

/** The lipid risk level, LDL-C target and excess (2023 Chinese lipid guideline), when LDL-C, age and sex are known. */
export function lipidFacts(into: Map<string, Fact>): void {
  const ldl = numeric(into, 'ldl');
  const years = numeric(into, 'age');
  const s = into.get('sex')?.value;
  if (ldl === undefined || years === undefined || (s !== 'male' && s !== 'female')) return;
  const tc = numeric(into, 'totalCholesterol');
  const hdl = numeric(into, 'hdl');
  const egfr = numeric(into, 'egfr');
  const { level, why } = lipidRiskLevel({
    ascvd: into.get('ascvd')?.value === true,
    diabetes: into.get('knownDiabetes')?.value === true,
    age: years,
    sex: s,
    ldl,
    ...(tc !== undefined ? { totalCholesterol: tc } : {}),
    ...(hdl !== undefined ? { hdl } : {}),
    ...(egfr !== undefined ? { egfr } : {}),
    hypertension: into.get('hypertension')?.value === true,
    smoker: into.get('smoker')?.value === true,
  });
  const target = LIPID_RISK_LEVELS[level].ldlTarget;
  const names = ['ldl', 'totalCholesterol', 'hdl', 'age', 'sex', 'ascvd', 'knownDiabetes', 'hypertension', 'smoker'];
  const evidence = uniqueEvidence(names.map((n) => into.get(n)?.evidence ?? []));
  const patientRef = into.get('age')?.evidence[0]?.reference;
  const risk: Evidence[] = patientRef
    ? [{ reference: patientRef, display: `lipid risk level ${level} (${why}); LDL-C target <${num(target, 1)} mmol/L` }]
    : [];
  into.set('lipidRisk', fact(level, LIPID_RISK_LEVELS[level].name, risk, [RULE_SOURCES.lipid2023]));
  into.set('ldlTarget', fact(target, both(`${num(target, 1)} mmol/L`), []));
  into.set('ldlExcess', fact(ldl - target, both(num(ldl - target)), [...evidence, ...risk], [RULE_SOURCES.lipid2023]));
}
