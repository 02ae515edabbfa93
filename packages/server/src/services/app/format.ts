import type { CodeableConcept, Identifier, Patient } from '@medplum/fhirtypes';
import type { Locale } from '@careloop/core/i18n';
import type {
  AppConcept,
  AppGender,
  AppIdentifier,
  AppSeverity,
  PatientBrief,
  PatientListItem,
} from '@careloop/core/app-api/types';
import { conceptText } from '../../reports/fhir-text';
import { ageOn, personName } from '../../reports/person';

/** Severity order, most severe first (index = rank). */
export const SEVERITY_ORDER: readonly AppSeverity[] = ['critical', 'high', 'moderate', 'low', 'info'];

/** Rank of a severity for sorting: 0 = critical; none sorts last. */
export function severityRank(s: AppSeverity | undefined): number {
  return s === undefined ? SEVERITY_ORDER.length : SEVERITY_ORDER.indexOf(s);
}

/** Today as `YYYY-MM-DD` (UTC, as `careloop serve` dates the demo) from the injected clock. */
export function todayOf(clock: () => Date): string {
  return clock().toISOString().slice(0, 10);
}

const GENDERS: readonly AppGender[] = ['male', 'female', 'other', 'unknown'];

export function patientBrief(patient: Patient, locale: Locale, today: string): PatientBrief {
  const age = ageOn(patient.birthDate, today);
  const gender = GENDERS.find((g) => g === patient.gender);
  return {
    id: patient.id ?? '',
    name: personName(patient, locale),
    ...(gender ? { gender } : {}),
    ...(patient.birthDate ? { birthDate: patient.birthDate } : {}),
    ...(age !== undefined ? { age } : {}),
  };
}

/** A brief for a patient the user may not read (or that is gone): the id only, so the row still links. */
export function unknownPatient(id: string): PatientBrief {
  return { id, name: id };
}

export function identifierView(i: Identifier): AppIdentifier | undefined {
  if (!i.value) return undefined;
  const type = i.type?.text ?? i.type?.coding?.[0]?.display ?? i.type?.coding?.[0]?.code;
  return { value: i.value, ...(i.system ? { system: i.system } : {}), ...(type ? { type } : {}) };
}

export function patientListItem(
  patient: Patient,
  locale: Locale,
  today: string,
  organizationName: (id: string) => string | undefined,
): PatientListItem {
  const org = patient.managingOrganization;
  const orgId = org?.reference?.startsWith('Organization/') ? org.reference.slice('Organization/'.length) : undefined;
  const display = org?.display ?? (orgId ? organizationName(orgId) : undefined);
  return {
    ...patientBrief(patient, locale, today),
    identifiers: (patient.identifier ?? []).flatMap((i) => identifierView(i) ?? []),
    ...(org
      ? {
          managingOrganization: {
            ...(org.reference ? { reference: org.reference } : {}),
            ...(display ? { display } : {}),
          },
        }
      : {}),
  };
}

/** A CodeableConcept with its codings and one display in the locale. */
export function conceptView(concept: CodeableConcept | undefined, locale: Locale): AppConcept {
  return {
    display: conceptText(concept, locale) ?? '',
    codings: (concept?.coding ?? []).map((c) => ({
      ...(c.system ? { system: c.system } : {}),
      ...(c.code ? { code: c.code } : {}),
      ...(c.display ? { display: c.display } : {}),
    })),
  };
}

/** Compares two optional FHIR dates as strings (ISO sorts lexically on the date part); missing sorts last. */
export function compareDatesDesc(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? 1 : -1;
}
