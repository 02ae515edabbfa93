import type { CodeableConcept, Coding, ExtractResource, Quantity, Reference, ResourceType } from '@medplum/fhirtypes';

/** Code systems and small builders shared by the resource makers. */
export const SYSTEM = {
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  atc: 'http://www.whocc.no/atc',
  ucum: 'http://unitsofmeasure.org',
  v2_0203: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  allergyClinical: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
  allergyVerification: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
  dischargeDisposition: 'http://terminology.hl7.org/CodeSystem/discharge-disposition',
  diagnosisRole: 'http://terminology.hl7.org/CodeSystem/diagnosis-role',
  interpretation: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
} as const;

/** Where CareLoop's synthetic identifiers and extensions live. */
export const SYNTH_NS = 'https://careloop.dev/fhir/synth';

/** Extension on Address: urban or rural residence (China). */
export const URBAN_RURAL_URL = 'https://careloop.dev/fhir/StructureDefinition/urban-rural';

/** A Reference to `Type/id`. */
export function ref<K extends ResourceType>(type: K, id: string): Reference<ExtractResource<K>> {
  return { reference: `${type}/${id}` };
}

/** A CodeableConcept from codings, with text. */
export function concept(text: string, ...codings: Coding[]): CodeableConcept {
  return { coding: codings, text };
}

/** A single coding. */
export function coding(system: string, code: string, display: string): Coding {
  return { system, code, display };
}

/** A UCUM quantity rounded to `decimals`. */
export function quantity(value: number, unit: string, decimals: number): Quantity {
  const f = 10 ** decimals;
  return { value: Math.round(value * f) / f, unit, system: SYSTEM.ucum, code: unit };
}

/** The observation category concept (`vital-signs`, `laboratory`, `social-history`). */
export function category(code: 'vital-signs' | 'laboratory' | 'social-history', display: string): CodeableConcept[] {
  return [{ coding: [coding(SYSTEM.observationCategory, code, display)] }];
}
