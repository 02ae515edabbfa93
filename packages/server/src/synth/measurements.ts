import type { LabKey } from './labs';
import type { Person } from './person';
import { conditionOn } from './person';
import type { Random } from './random';
import { ageOn } from './dates';

/**
 * Physiological values on a given day, consistent with the person's risk factors and the conditions present then:
 * a diabetic's glucose and HbA1c at or above the diagnostic cut-points unless controlled, a CKD patient's raised
 * creatinine and albuminuria, dyslipidaemia's lipids, hepatitis B's transaminases. All in SI units.
 */

/** Vital signs on a day. */
export interface Vitals {
  readonly heightCm: number;
  readonly weightKg: number;
  readonly bmi: number;
  readonly waistCm: number;
  readonly systolic: number;
  readonly diastolic: number;
  readonly heartRate: number;
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** BMI on a day: the reference-date BMI less 0.05/year for the years before it (adult weight gain). */
export function bmiOn(person: Person, day: number): number {
  return person.bmi - (0.05 * (person.today - day)) / 365.2425;
}

/** Blood pressure on a day (mmHg), below the profile's threshold without hypertension. */
export function bloodPressure(person: Person, day: number, rng: Random): { systolic: number; diastolic: number } {
  const age = ageOn(person.birthDay, day);
  const t = person.profile.hypertensionThreshold;
  const htn = conditionOn(person, 'hypertension', day);
  if (!htn) {
    const s = rng.gauss(108 + 0.3 * (age - 18) + 3 * person.factors.vascular, 7);
    const d = rng.gauss(70 + 0.12 * (age - 18) + 2 * person.factors.vascular, 5);
    return { systolic: Math.round(clamp(s, 92, t.systolic - 1)), diastolic: Math.round(clamp(d, 55, t.diastolic - 1)) };
  }
  if (htn.controlled) {
    return {
      systolic: Math.round(clamp(rng.gauss(t.systolic - 10, 5), 100, t.systolic - 1)),
      diastolic: Math.round(clamp(rng.gauss(t.diastolic - 8, 4), 60, t.diastolic - 1)),
    };
  }
  const shift = htn.treated ? 0 : 8;
  return {
    systolic: Math.round(clamp(rng.gauss(t.systolic + 12 + shift, 9), t.systolic, 210)),
    diastolic: Math.round(clamp(rng.gauss(t.diastolic + 4 + shift / 2, 7), 60, 125)),
  };
}

/** Vitals measured at a checkup. */
export function vitalsOn(person: Person, day: number, rng: Random): Vitals {
  const bmi = bmiOn(person, day) + rng.gauss(0, 0.3);
  const h = person.heightCm / 100;
  const weightKg = Math.round(bmi * h * h * 10) / 10;
  const waist = (person.sex === 'male' ? 2.6 : 2.5) * bmi + (person.sex === 'male' ? 22 : 18) + rng.gauss(0, 3);
  const bp = bloodPressure(person, day, rng);
  const af = conditionOn(person, 'atrialFibrillation', day);
  const heartRate = Math.round(af ? rng.gauss(88, 14) : rng.gauss(72, 8));
  return {
    heightCm: person.heightCm,
    weightKg,
    bmi: weightKg / (h * h),
    waistCm: Math.round(waist * 10) / 10,
    ...bp,
    heartRate: clamp(heartRate, 45, 150),
  };
}

/** Lab values at a checkup, in the generator's SI units (see labs.ts). */
export function labsOn(person: Person, day: number, rng: Random): Record<LabKey, number> {
  const f = person.factors;
  const male = person.sex === 'male';
  const dm = conditionOn(person, 'diabetes', day);
  const lipid = conditionOn(person, 'dyslipidaemia', day);
  const ckd = conditionOn(person, 'ckd', day);
  const hbv = conditionOn(person, 'hepatitisB', day);
  const hf = conditionOn(person, 'heartFailure', day);

  let glucose: number;
  let hba1c: number;
  if (!dm) {
    glucose = clamp(rng.gauss(5.0 + 0.25 * f.metabolic, 0.4), 3.9, 6.9);
    hba1c = clamp(rng.gauss(5.4 + 0.15 * f.metabolic, 0.3), 4.2, 6.4);
  } else if (dm.controlled) {
    glucose = clamp(rng.gauss(6.6, 0.6), 5.0, 9.0);
    hba1c = clamp(rng.gauss(6.5, 0.3), 5.8, 6.9);
  } else {
    glucose = clamp(rng.gauss(dm.treated ? 8.6 : 9.4, 1.8), 7.0, 20);
    hba1c = clamp(rng.gauss(dm.treated ? 7.9 : 8.4, 1.1), 6.5, 14);
  }

  const statin = lipid?.treated ?? false;
  const ldlBase = lipid ? rng.gauss(3.9, 0.6) : clamp(rng.gauss(2.6 + 0.15 * f.metabolic, 0.45), 1.2, 3.35);
  const ldl = statin ? ldlBase * 0.65 : ldlBase;
  const hdl = clamp(rng.gauss((male ? 1.2 : 1.45) - 0.1 * f.adiposity - (lipid ? 0.15 : 0), 0.22), 0.5, 2.6);
  const tg = Math.exp(rng.gauss(Math.log(lipid ? 2.1 : 1.2) + 0.15 * f.metabolic, 0.35));
  const cholesterol = ldl + hdl + tg / 2.2;

  const baseCreat = male ? 80 : 62;
  const creatinine = ckd ? rng.gauss(baseCreat * (1.35 + 0.5 * Math.max(0, f.renal)), 15) : rng.gauss(baseCreat, 10);
  const uacr =
    ckd && rng.chance(0.7)
      ? Math.exp(rng.gauss(Math.log(90), 0.6))
      : clamp(Math.exp(rng.gauss(Math.log(8), 0.5)), 1, 29);
  const alt = hbv
    ? Math.exp(rng.gauss(Math.log(48), 0.45))
    : Math.exp(rng.gauss(Math.log(male ? 24 : 18) + 0.1 * f.adiposity, 0.3));
  const ast = hbv ? Math.exp(rng.gauss(Math.log(40), 0.4)) : Math.exp(rng.gauss(Math.log(male ? 23 : 20), 0.22));
  const platelets = rng.gauss(hbv ? 185 : 235, 45);
  const urate = rng.gauss((male ? 370 : 280) + 25 * f.metabolic + (ckd ? 60 : 0) + (hf ? 40 : 0), 55);
  return {
    glucose,
    hba1c,
    cholesterol,
    hdl,
    ldl,
    triglycerides: tg,
    creatinine: clamp(creatinine, 30, 900),
    alt,
    ast,
    platelets: clamp(platelets, 40, 600),
    urate: clamp(urate, 100, 800),
    uacr,
  };
}
