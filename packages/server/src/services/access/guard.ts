import type { Resource } from '@medplum/fhirtypes';
import type { Repository } from '../../store/repository';
import type { AccessPolicy } from './policy';
import { refuse } from './policy';
import { OutOfScopeError } from './refusal';

/**
 * Checks on one record, shared by the FHIR service and the checkup services. Reads of out-of-scope records are
 * 404 (OutOfScopeError), writes that would touch a patient out of scope are 403.
 */

/** 404 unless the user may see the record: its current version (`current`), one version, or every version. */
export async function assertVisible(
  policy: AccessPolicy,
  repo: Repository,
  type: string,
  id: string,
  which: { readonly versionId?: string; readonly currentOnly?: boolean },
): Promise<void> {
  const current = which.currentOnly === true;
  const counts = await repo.countVersions(type, id, policy.condition(type, 'r', current), which);
  if (counts.all > 0 && counts.matching < counts.all) {
    throw new OutOfScopeError(`${type}/${id}${which.versionId ? `/_history/${which.versionId}` : ''}`);
  }
}

/**
 * Before a create or update: the record being replaced (if any) and the patient the new content belongs to must
 * both be in scope now, so a write can neither reach into another patient's record nor add a record (a CareTeam
 * naming oneself, say) that would widen the user's own scope.
 */
export async function assertWritable(policy: AccessPolicy, repo: Repository, resource: Resource): Promise<void> {
  const type = resource.resourceType;
  if (resource.id) {
    const counts = await repo.countVersions(type, resource.id, policy.condition(type, 'r', false), {
      currentOnly: true,
    });
    if (counts.matching < counts.all) refuse(`${type}/${resource.id} belongs to a patient outside your access`);
  }
  const patient = type === 'Patient' ? null : repo.patientOf(resource);
  if (patient === null || policy.user.role === 'system') return;
  const counts = await repo.countVersions('Patient', patient, policy.condition('Patient', 'r', false), {
    currentOnly: true,
  });
  if (counts.matching !== 1) refuse(`${type} for Patient/${patient}: that patient is outside your access`);
}

/** After a write, inside its transaction: the stored record must still be in scope (else the write rolls back). */
export async function assertStillVisible(policy: AccessPolicy, repo: Repository, saved: Resource): Promise<void> {
  const type = saved.resourceType;
  const counts = await repo.countVersions(type, saved.id ?? '', policy.condition(type, 'r', false), {
    currentOnly: true,
  });
  if (counts.matching !== 1) refuse(`This change would move ${type}/${saved.id ?? ''} outside your access`);
}
