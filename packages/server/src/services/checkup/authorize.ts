import type { Reference, Practitioner } from '@medplum/fhirtypes';
import { forbidden, OperationOutcomeError } from '@careloop/core/fhir/outcomes';
import type { RequestContext, RequestUser } from '../context';

/** Who signs: a clinician. Checked here, in the service, whatever route or command called it. */
export function requireClinician(ctx: RequestContext, action: string): RequestUser {
  const user = ctx.user;
  if (!user) throw new OperationOutcomeError(forbidden(`Only a clinician may ${action}: no user is signed in`));
  if (user.role !== 'clinician')
    throw new OperationOutcomeError(forbidden(`Only a clinician may ${action}; ${user.id} is a ${user.role}`));
  return user;
}

/** The clinician as a FHIR reference (their Practitioner record carries the user id). */
export function practitionerRef(user: RequestUser): Reference<Practitioner> {
  return { reference: `Practitioner/${user.practitioner ?? user.id}`, display: user.display ?? user.id };
}
