import type { DiagnosticReport, Provenance, Reference, Resource } from '@medplum/fhirtypes';
import type { Locale } from '@careloop/core/i18n';
import type { Citation } from '@careloop/core/clinical/source';
import type { ConclusionStatus, EvidenceInput, SignOffInfo } from '@careloop/core/app-api/types';
import { conceptText } from '../../reports/fhir-text';
import { observationValue } from '../../reports/observation-value';
import { readSignOff } from '../../reports/sign-off';

/** The review state of a FHIR status: only a signature makes a CareLoop conclusion final or amended. */
export function conclusionStatus(status: string | undefined): ConclusionStatus {
  if (status === 'final') return 'final';
  if (status === 'amended' || status === 'corrected' || status === 'appended') return 'amended';
  return 'preliminary';
}

/** Who drafted a report and who signed it, read from the Provenances that target it (oldest first). */
export function signOffInfo(report: DiagnosticReport, provenances: readonly Provenance[]): SignOffInfo {
  const view = readSignOff(report, provenances);
  const signed = provenances.filter((p) => (p.signature ?? []).length > 0).at(-1);
  const drafted = provenances.find((p) => (p.signature ?? []).length === 0);
  const producedAt = drafted?.recorded ?? report.issued;
  const signedAt = signed?.signature?.[0]?.when ?? signed?.recorded;
  const status = conclusionStatus(report.status);
  return {
    status,
    ...(view.engine ? { engine: view.engine } : {}),
    ...(producedAt ? { producedAt } : {}),
    ...(status !== 'preliminary' && view.signer ? { signedBy: view.signer } : {}),
    ...(status !== 'preliminary' && signedAt ? { signedAt } : {}),
  };
}

/** The date a resource describes (when measured, recorded, asserted or prescribed). */
export function resourceDate(r: Resource): string | undefined {
  if (r.resourceType === 'Observation') return r.effectiveDateTime ?? r.effectivePeriod?.start ?? r.issued;
  if (r.resourceType === 'Condition') return r.onsetDateTime ?? r.recordedDate;
  if (r.resourceType === 'MedicationStatement')
    return r.effectiveDateTime ?? r.effectivePeriod?.start ?? r.dateAsserted;
  if (r.resourceType === 'MedicationRequest') return r.authoredOn;
  if (r.resourceType === 'Encounter') return r.period?.start;
  return undefined;
}

function resourceText(r: Resource, locale: Locale): string | undefined {
  if (r.resourceType === 'Observation' || r.resourceType === 'Condition') return conceptText(r.code, locale);
  if (r.resourceType === 'MedicationStatement' || r.resourceType === 'MedicationRequest')
    return conceptText(r.medicationCodeableConcept, locale) ?? r.medicationReference?.display;
  if (r.resourceType === 'Patient') return [r.gender, r.birthDate].filter(Boolean).join(', ') || 'Patient';
  return undefined;
}

/**
 * One input of a conclusion: the reference as the conclusion names it, with the value and date read from the
 * stored resource when the user may see it (the engine's own display is kept: it says what the rule used).
 */
export function evidenceInput(
  ref: Reference,
  resources: ReadonlyMap<string, Resource>,
  locale: Locale,
  display?: string,
): EvidenceInput {
  const resource = ref.reference ? resources.get(ref.reference) : undefined;
  const value = resource?.resourceType === 'Observation' ? observationValue(resource) : undefined;
  const date = resource ? resourceDate(resource) : undefined;
  const text = display ?? ref.display ?? (resource ? resourceText(resource, locale) : undefined) ?? ref.reference;
  return {
    ...(ref.reference ? { reference: ref.reference } : {}),
    display: text ?? '',
    ...(value ? { value } : {}),
    ...(date ? { date } : {}),
  };
}

/** A citation line as the engine writes it (`citation doi:… url`) back into its parts. */
export function parseCitation(line: string): Citation {
  let rest = line.trim();
  const url = /\s(https?:\/\/\S+)$/.exec(rest)?.[1];
  if (url) rest = rest.slice(0, rest.length - url.length).trim();
  const doi = /\sdoi:(\S+)$/.exec(rest)?.[1];
  if (doi) rest = rest.slice(0, rest.length - doi.length - 4).trim();
  return { citation: rest, ...(doi ? { doi } : {}), ...(url ? { url } : {}) };
}

/** Citations without repeats (same citation text), first kept. */
export function uniqueCitations(list: readonly Citation[]): Citation[] {
  const seen = new Set<string>();
  return list.filter((c) => (seen.has(c.citation) ? false : (seen.add(c.citation), true)));
}

/** `Type/id` → resource, for resolving references. */
export function resourceIndex(resources: Iterable<Resource>): Map<string, Resource> {
  const out = new Map<string, Resource>();
  for (const r of resources) if (r.id) out.set(`${r.resourceType}/${r.id}`, r);
  return out;
}
