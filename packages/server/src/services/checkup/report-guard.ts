import type { Resource } from '@medplum/fhirtypes';
import { forbidden, OperationOutcomeError } from '@careloop/core/fhir/outcomes';
import { REPORT_SYSTEM } from '@careloop/core/engines/checkup/index';
import { SIGNED_STATUSES } from './signing';

/** Resource types whose signed statuses only the sign-off service may write. */
const GUARDED: ReadonlySet<string> = new Set(['DiagnosticReport', 'Composition']);

/** A checkup report CareLoop's engine wrote (other systems' final lab reports are theirs to send as final). */
function isCareLoopReport(r: Resource | undefined): boolean {
  const code = r as
    { code?: { coding?: { system?: string }[] }; type?: { coding?: { system?: string }[] } } | undefined;
  return [...(code?.code?.coding ?? []), ...(code?.type?.coding ?? [])].some((c) => c.system === REPORT_SYSTEM);
}

/**
 * Refuses a write that would make a checkup report final (or amended, corrected, appended) or change a signed
 * one without going through the sign-off service — for generic write paths such as `PUT /fhir/DiagnosticReport`.
 * `current` is the stored version (undefined on create). Writes that keep a report unsigned pass.
 */
export function refuseUnsignedFinal(incoming: Resource, current: Resource | undefined): void {
  if (!GUARDED.has(incoming.resourceType) || !(isCareLoopReport(incoming) || isCareLoopReport(current))) return;
  const status = (incoming as { status?: string }).status ?? '';
  const was = (current as { status?: string } | undefined)?.status ?? '';
  if (SIGNED_STATUSES.has(status) || SIGNED_STATUSES.has(was))
    throw new OperationOutcomeError(
      forbidden(
        `${incoming.resourceType}/${incoming.id ?? ''}: a signed status (${status || was}) is set only by a clinician's sign-off (POST /api/reports/:id/sign)`,
      ),
    );
}
