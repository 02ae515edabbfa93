import { forbidden, OperationOutcomeError, unauthorized } from '@careloop/core/fhir/outcomes';
import type { Role, RequestContext } from '../context';

/** Who may export, as data: researchers de-identified data only; identified data only the system itself. */
export const EXPORT_RULES: Readonly<Record<Role, { readonly deidentified: boolean; readonly identified: boolean }>> = {
  clinician: { deidentified: false, identified: false },
  nurse: { deidentified: false, identified: false },
  admin: { deidentified: false, identified: false },
  researcher: { deidentified: true, identified: false },
  patient: { deidentified: false, identified: false },
  system: { deidentified: true, identified: true },
};

/**
 * Authorises a bulk export for the context's user (services/export calls it before reading anything):
 * 401 without a user, 403 when the role may not export data of that kind.
 */
export function authorizeExport(ctx: RequestContext, request: { readonly deidentify: boolean }): void {
  const user = ctx.user;
  if (!user) throw new OperationOutcomeError(unauthorized('Sign in to export data'));
  const rule = EXPORT_RULES[user.role];
  if (request.deidentify ? rule.deidentified : rule.identified) return;
  throw new OperationOutcomeError(
    forbidden(
      request.deidentify
        ? `A ${user.role} may not export data`
        : 'Identified export is reserved for the system; researchers may export de-identified data only',
    ),
  );
}
