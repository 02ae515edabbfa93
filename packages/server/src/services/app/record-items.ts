import type {
  AllergyIntolerance,
  Condition,
  Dosage,
  Encounter,
  MedicationRequest,
  MedicationStatement,
} from '@medplum/fhirtypes';
import type { Locale } from '@careloop/core/i18n';
import type { AllergyItem, EncounterItem, MedicationItem, ProblemItem } from '@careloop/core/app-api/types';
import { conceptText } from '../../reports/fhir-text';
import { compareDatesDesc, conceptView } from './format';

const code = (c: { coding?: { code?: string }[] } | undefined): string | undefined => c?.coding?.[0]?.code;

/** Conditions whose clinical status is active, recurrence or relapse (absent counts as active), not refuted. */
export function problemList(conditions: readonly Condition[], locale: Locale): ProblemItem[] {
  return conditions
    .filter((c) => ['active', 'recurrence', 'relapse', undefined].includes(code(c.clinicalStatus)))
    .filter((c) => !['refuted', 'entered-in-error'].includes(code(c.verificationStatus) ?? ''))
    .map((c) => {
      const clinical = code(c.clinicalStatus);
      const verification = code(c.verificationStatus);
      const onset = c.onsetDateTime ?? c.onsetPeriod?.start ?? c.onsetString;
      return {
        id: c.id ?? '',
        code: conceptView(c.code, locale),
        ...(clinical ? { clinicalStatus: clinical } : {}),
        ...(verification ? { verificationStatus: verification } : {}),
        ...(onset ? { onset } : {}),
        ...(c.recordedDate ? { recordedDate: c.recordedDate } : {}),
      };
    })
    .sort((a, b) => compareDatesDesc(a.onset ?? a.recordedDate, b.onset ?? b.recordedDate));
}

function dosageText(d: readonly Dosage[] | undefined): string | undefined {
  const first = d?.[0];
  if (!first) return undefined;
  if (first.text) return first.text;
  const dose = first.doseAndRate?.[0]?.doseQuantity;
  const repeat = first.timing?.repeat;
  const parts = [
    dose?.value !== undefined ? `${String(dose.value)} ${dose.unit ?? dose.code ?? ''}`.trim() : undefined,
    repeat?.frequency !== undefined && repeat.period !== undefined
      ? `${String(repeat.frequency)}×/${String(repeat.period)} ${repeat.periodUnit ?? ''}`.trim()
      : undefined,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** One medication line: what, its status, how taken and since when (each left out when unknown). */
function medicationItem(
  m: MedicationStatement | MedicationRequest,
  dosage: string | undefined,
  since: string | undefined,
  locale: Locale,
): MedicationItem {
  return {
    id: m.id ?? '',
    resourceType: m.resourceType,
    medication: conceptView(m.medicationCodeableConcept ?? { text: m.medicationReference?.display ?? '' }, locale),
    status: m.status,
    ...(dosage ? { dosage } : {}),
    ...(since ? { since } : {}),
  };
}

/** Active MedicationStatements (active, intended) and MedicationRequests (active, on-hold), newest first. */
export function medicationList(
  statements: readonly MedicationStatement[],
  requests: readonly MedicationRequest[],
  locale: Locale,
): MedicationItem[] {
  const fromStatements = statements
    .filter((s) => s.status === 'active' || s.status === 'intended')
    .map((s) =>
      medicationItem(
        s,
        dosageText(s.dosage),
        s.effectiveDateTime ?? s.effectivePeriod?.start ?? s.dateAsserted,
        locale,
      ),
    );
  const fromRequests = requests
    .filter((r) => r.status === 'active' || r.status === 'on-hold')
    .map((r) => medicationItem(r, dosageText(r.dosageInstruction), r.authoredOn, locale));
  return [...fromStatements, ...fromRequests].sort((a, b) => compareDatesDesc(a.since, b.since));
}

/** Allergies and intolerances not resolved or refuted. */
export function allergyList(allergies: readonly AllergyIntolerance[], locale: Locale): AllergyItem[] {
  return allergies
    .filter((a) => !['inactive', 'resolved'].includes(code(a.clinicalStatus) ?? ''))
    .filter((a) => !['refuted', 'entered-in-error'].includes(code(a.verificationStatus) ?? ''))
    .map((a) => {
      const clinical = code(a.clinicalStatus);
      return {
        id: a.id ?? '',
        code: conceptView(a.code, locale),
        ...(clinical ? { clinicalStatus: clinical } : {}),
        ...(a.criticality ? { criticality: a.criticality } : {}),
        category: [...(a.category ?? [])],
        reactions: (a.reaction ?? []).flatMap((r) => r.manifestation.flatMap((m) => conceptText(m, locale) ?? [])),
        ...(a.recordedDate ? { recordedDate: a.recordedDate } : {}),
      };
    });
}

/** The encounters, newest first, each linked to its checkup report when one exists. */
export function encounterTimeline(
  encounters: readonly Encounter[],
  reportOf: (encounterId: string) => string | undefined,
  reasonText: (reference: string) => string | undefined,
  locale: Locale,
): EncounterItem[] {
  return encounters
    .filter((e) => e.status !== 'entered-in-error' && e.status !== 'cancelled')
    .map((e) => {
      const type = e.type?.map((t) => conceptText(t, locale)).find(Boolean);
      const reason = [
        ...(e.reasonCode ?? []).flatMap((c) => conceptText(c, locale) ?? []),
        ...(e.reasonReference ?? []).flatMap(
          (r) => r.display ?? (r.reference ? reasonText(r.reference) : undefined) ?? [],
        ),
      ];
      const reportId = e.id ? reportOf(e.id) : undefined;
      return {
        id: e.id ?? '',
        ...(e.period?.start ? { start: e.period.start } : {}),
        ...(e.period?.end ? { end: e.period.end } : {}),
        status: e.status,
        class: {
          ...(e.class.code ? { code: e.class.code } : {}),
          ...(e.class.display ? { display: e.class.display } : {}),
        },
        ...(type ? { type } : {}),
        reason,
        ...(reportId ? { reportId } : {}),
      };
    })
    .sort((a, b) => compareDatesDesc(a.start, b.start));
}
