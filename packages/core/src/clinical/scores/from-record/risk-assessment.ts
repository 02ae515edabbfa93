import type {
  Annotation,
  Extension,
  Patient,
  Reference,
  RiskAssessment,
  RiskAssessmentPrediction,
} from '@medplum/fhirtypes';
import type { ScoreValue } from '../run';
import type { AnyScoreDefinition } from '../types';
import { referenceTo } from './context';
import type { Derivation } from './types';

/** The code system naming CareLoop's scores (code = score id). */
export const SCORE_SYSTEM = 'https://careloop.dev/fhir/CodeSystem/score';
/** Category codes of a score (`low`, `G3a/A2`…); the score is named by `method`. */
export const SCORE_CATEGORY_SYSTEM = 'https://careloop.dev/fhir/CodeSystem/score-category';
/** The score's value with its UCUM unit, for every score (points have no place in RiskAssessment.prediction). */
export const SCORE_VALUE_EXTENSION = 'https://careloop.dev/fhir/StructureDefinition/score-value';
/** A published source of the score's method, one extension per citation. */
export const SCORE_SOURCE_EXTENSION = 'https://careloop.dev/fhir/StructureDefinition/score-source';
const UCUM = 'http://unitsofmeasure.org';

function prediction(def: AnyScoreDefinition, result: ScoreValue): RiskAssessmentPrediction {
  return {
    extension: [
      {
        url: SCORE_VALUE_EXTENSION,
        valueQuantity: { value: result.value, unit: def.unit, system: UCUM, code: def.unit },
      },
    ],
    ...(result.unit === '%' ? { probabilityDecimal: Number((result.value / 100).toPrecision(12)) } : {}),
    ...(result.category
      ? {
          qualitativeRisk: {
            coding: [{ system: SCORE_CATEGORY_SYSTEM, code: result.category, display: result.category }],
            ...(result.interpretation ? { text: result.interpretation.en } : {}),
          },
        }
      : {}),
  };
}

function notes(result: ScoreValue, derivations: readonly Derivation[]): Annotation[] {
  const out: Annotation[] = [];
  if (result.interpretation) out.push({ text: result.interpretation['zh-CN'] }, { text: result.interpretation.en });
  const assumed = derivations.filter((d) => d.assumedAbsent).map((d) => d.input);
  if (assumed.length > 0) {
    out.push({
      text: `记录中无相关条目，按“无”计：${assumed.join('、')} / Taken as absent, nothing recorded: ${assumed.join(', ')}`,
    });
  }
  return out;
}

/**
 * The score as a FHIR RiskAssessment, `preliminary` until a clinician signs it; `basis` is exactly the resources
 * the inputs came from. https://hl7.org/fhir/R4/riskassessment.html
 */
export function toRiskAssessment(
  def: AnyScoreDefinition,
  result: ScoreValue,
  patient: Patient,
  asOf: string,
  basis: readonly Reference[],
  derivations: readonly Derivation[],
): RiskAssessment {
  const sources: Extension[] = def.source.map((s) => ({
    url: SCORE_SOURCE_EXTENSION,
    valueString: [s.citation, s.doi ? `doi:${s.doi}` : undefined, s.url].filter(Boolean).join(' '),
  }));
  const note = notes(result, derivations);
  return {
    resourceType: 'RiskAssessment',
    extension: sources,
    status: 'preliminary',
    subject: referenceTo(patient),
    occurrenceDateTime: asOf,
    method: {
      coding: [{ system: SCORE_SYSTEM, code: def.id, display: def.name.en, version: def.version }],
      text: def.name['zh-CN'],
    },
    basis: [...basis],
    prediction: [prediction(def, result)],
    ...(note.length > 0 ? { note } : {}),
  };
}
