import type {
  AllergyIntolerance,
  Condition,
  DiagnosticReport,
  Encounter,
  MedicationRequest,
  MedicationStatement,
  Observation,
  Patient,
  Resource,
  RiskAssessment,
} from '@medplum/fhirtypes';
import type { Locale } from '@careloop/core/i18n';
import { checkupScores } from '@careloop/core/engines/checkup/scores';
import type {
  PatientDemographics,
  PatientSummary,
  ReportConclusion,
  ScoreConclusion,
} from '@careloop/core/app-api/types';
import { conceptText } from '../../reports/fhir-text';
import type { FhirService } from '../fhir-service';
import type { RequestContext } from '../context';
import { checkupReports, loadCheckupRecords, reportDate, type CheckupRecord } from './checkup-records';
import { computedScoreConclusion, findingConclusion, scoreConclusion } from './conclusions';
import { conclusionStatus, resourceIndex, signOffInfo } from './evidence';
import { compareDatesDesc, patientListItem, severityRank } from './format';
import { organizationNames } from './patients';
import { allergyList, encounterTimeline, medicationList, problemList } from './record-items';
import { searchAll } from './search';
import { summaryTrends } from './trends';

function demographics(
  patient: Patient,
  locale: Locale,
  today: string,
  orgName: (id: string) => string | undefined,
): PatientDemographics {
  const address = patient.address?.[0];
  const line = address
    ? (address.text ??
      [...(address.line ?? []), address.city, address.state, address.postalCode, address.country]
        .filter(Boolean)
        .join(', '))
    : undefined;
  const deceased = patient.deceasedBoolean ?? (patient.deceasedDateTime ? true : undefined);
  return {
    ...patientListItem(patient, locale, today, orgName),
    ...(deceased !== undefined ? { deceased } : {}),
    telecom: (patient.telecom ?? []).flatMap((t) => t.value ?? []),
    ...(line ? { address: line } : {}),
  };
}

/** A checkup report's conclusions: findings (rejected left out) and its risks, each with the evidence chain. */
export function reportConclusion(
  rec: CheckupRecord,
  resources: ReadonlyMap<string, Resource>,
  locale: Locale,
  includeRejected: boolean,
): ReportConclusion {
  const signOff = signOffInfo(rec.report, rec.provenances);
  const reportId = rec.report.id ?? '';
  const date = reportDate(rec.report);
  const findings = rec.findings
    .map((f) => findingConclusion(f, signOff, resources, locale))
    .filter((f) => includeRejected || f.review !== 'rejected')
    .sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  return {
    reportId,
    title: conceptText(rec.report.code, locale) ?? 'Checkup report',
    status: rec.report.status,
    ...(date ? { date } : {}),
    signOff,
    findings,
    scores: rec.risks.map((ra) => scoreConclusion(ra, signOff, resources, locale, { reportId })),
  };
}

/** The latest stored score per score id, plus scores computed now (as of today) for the checkup scores not stored. */
function currentScores(
  patient: Patient,
  stored: readonly RiskAssessment[],
  records: readonly CheckupRecord[],
  record: readonly Resource[],
  resources: ReadonlyMap<string, Resource>,
  today: string,
  locale: Locale,
): ScoreConclusion[] {
  const owner = new Map<string, CheckupRecord>();
  for (const rec of records) for (const ra of rec.risks) if (ra.id) owner.set(ra.id, rec);
  const latest = new Map<string, ScoreConclusion>();
  const usable = stored.filter((ra) => ra.status !== 'entered-in-error' && ra.status !== 'cancelled');
  for (const ra of usable.sort((a, b) => compareDatesDesc(a.occurrenceDateTime, b.occurrenceDateTime))) {
    const rec = ra.id ? owner.get(ra.id) : undefined;
    const signOff = rec ? signOffInfo(rec.report, rec.provenances) : { status: conclusionStatus(ra.status) };
    const view = scoreConclusion(ra, signOff, resources, locale, rec?.report.id ? { reportId: rec.report.id } : {});
    if (!latest.has(view.scoreId)) latest.set(view.scoreId, view);
  }
  const computed = [...checkupScores([patient, ...record], today).values()].flatMap((r) =>
    r.result && !latest.has(r.result.score) ? (computedScoreConclusion(r, resources, locale) ?? []) : [],
  );
  return [...latest.values(), ...computed];
}

/**
 * One patient's summary for the clinician: demographics, problems, medications, allergies, encounters, trend
 * charts with bands, current scores and the checkup conclusions with their evidence chains. Every read goes
 * through the FHIR service (access policy and audit).
 */
export async function patientSummary(
  fhir: FhirService,
  ctx: RequestContext,
  today: string,
  patientId: string,
  locale: Locale,
): Promise<PatientSummary> {
  const patient = (await fhir.read(ctx, 'Patient', patientId)) as Patient;
  const of = { patient: `Patient/${patientId}` };
  const conditions = await searchAll<Condition>(fhir, ctx, 'Condition', of);
  const statements = await searchAll<MedicationStatement>(fhir, ctx, 'MedicationStatement', of);
  const requests = await searchAll<MedicationRequest>(fhir, ctx, 'MedicationRequest', of);
  const allergies = await searchAll<AllergyIntolerance>(fhir, ctx, 'AllergyIntolerance', of);
  const encounters = await searchAll<Encounter>(fhir, ctx, 'Encounter', of);
  const observations = await searchAll<Observation>(fhir, ctx, 'Observation', of);
  const risks = await searchAll<RiskAssessment>(fhir, ctx, 'RiskAssessment', of);
  const reports: DiagnosticReport[] = await checkupReports(fhir, ctx, of);
  const records = await loadCheckupRecords(fhir, ctx, reports, { provenance: true, risks: true });
  const record: Resource[] = [...conditions, ...statements, ...requests, ...allergies, ...encounters, ...observations];
  const resources = resourceIndex([patient, ...record]);
  const orgName = await organizationNames(fhir, ctx, [patient]);
  const reportByEncounter = new Map(
    reports.flatMap((r) => (r.encounter?.reference && r.id ? [[r.encounter.reference, r.id] as const] : [])),
  );
  const sex = patient.gender === 'male' || patient.gender === 'female' ? patient.gender : undefined;
  const person = { ...demographics(patient, locale, today, orgName) };
  return {
    today,
    locale,
    patient: person,
    problems: problemList(conditions, locale),
    medications: medicationList(statements, requests, locale),
    allergies: allergyList(allergies, locale),
    encounters: encounterTimeline(
      encounters,
      (id) => reportByEncounter.get(`Encounter/${id}`),
      (ref) => {
        const r = resources.get(ref);
        return r?.resourceType === 'Condition' ? conceptText(r.code, locale) : undefined;
      },
      locale,
    ),
    trends: summaryTrends(
      observations,
      {
        ...(sex ? { sex } : {}),
        ...(person.age !== undefined ? { age: person.age } : {}),
        ...(patient.birthDate ? { birthDate: patient.birthDate } : {}),
      },
      locale,
    ),
    scores: currentScores(patient, risks, records, record, resources, today, locale),
    reports: records
      .map((rec) => reportConclusion(rec, resources, locale, false))
      .sort((a, b) => compareDatesDesc(a.date, b.date)),
  };
}
