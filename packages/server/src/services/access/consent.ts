import type { Consent, ConsentProvision } from '@medplum/fhirtypes';
import { idOf } from '../references';

/**
 * Consent decisions (https://hl7.org/fhir/R4/consent.html). A patient's privacy Consent withholds their record
 * from organisations. The FHIR elements used:
 * - `Consent.status` must be `active`;
 * - `Consent.scope` must carry the code `patient-privacy` (http://terminology.hl7.org/CodeSystem/consentscope);
 * - `Consent.patient` names whose data it is;
 * - `Consent.organization` is the custodian: never denied by a provision without actors;
 * - `Consent.provision` (the root) and its nested `provision`s, each with `type` (`deny`/`permit`), `period`
 *   (optional: applies only within it) and `actor[].reference`:
 *   a `deny` provision naming `Organization/X` among its actors denies X; a `deny` provision with no actors denies
 *   every organisation other than the custodian; a `permit` provision nested in a deny provision and naming X as
 *   actor is an exception to it.
 * Users of a denied organisation do not see the patient's data, whatever gave them access (organisation or
 * CareTeam). Permits never widen access beyond the role rules.
 */

export const CONSENT_SCOPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/consentscope';

function inPeriod(p: ConsentProvision, now: Date): boolean {
  const t = now.getTime();
  const start = p.period?.start ? Date.parse(p.period.start) : undefined;
  const end = p.period?.end ? Date.parse(p.period.end) : undefined;
  return (start === undefined || !(t < start)) && (end === undefined || !(t > end));
}

function names(p: ConsentProvision, org: string): boolean {
  return (p.actor ?? []).some((a) => a.reference.reference === `Organization/${org}`);
}

function provisionDenies(p: ConsentProvision, org: string, custodian: string | undefined, now: Date): boolean {
  if (!inPeriod(p, now)) return false;
  if (p.type === 'deny') {
    const applies = (p.actor ?? []).length === 0 ? org !== custodian : names(p, org);
    const excepted = (p.provision ?? []).some((n) => n.type === 'permit' && inPeriod(n, now) && names(n, org));
    if (applies && !excepted) return true;
  }
  return (p.provision ?? []).some((n) => provisionDenies(n, org, custodian, now));
}

/** True when this Consent is an active privacy consent. */
export function isActivePrivacyConsent(consent: Consent): boolean {
  return (
    consent.status === 'active' &&
    (consent.scope.coding ?? []).some(
      (c) => c.code === 'patient-privacy' && (!c.system || c.system === CONSENT_SCOPE_SYSTEM),
    )
  );
}

/** The Patient id a Consent is about, when it names one. */
export function consentPatient(consent: Consent): string | undefined {
  return idOf(consent.patient?.reference, 'Patient');
}

/**
 * True when `consent` withholds its patient's data from users of organisation `org` at `now`.
 * @param org - the Organization id the user works for
 */
export function consentDenies(consent: Consent, org: string, now: Date): boolean {
  if (!isActivePrivacyConsent(consent) || !consent.provision) return false;
  const custodianRef = consent.organization?.map((o) => o.reference ?? '').find((r) => r.startsWith('Organization/'));
  const custodian = custodianRef?.slice('Organization/'.length);
  return provisionDenies(consent.provision, org, custodian, now);
}
