import type { Repository } from '../../store/repository';
import type { Role, RequestContext } from '../context';
import { AccessPolicy, refuse } from './policy';
import { OutOfScopeError } from './refusal';

/**
 * Who may do what with checkup reports through the checkup API (services/checkup), as data. The patient scope
 * (and Consent) applies on top, exactly as for /fhir: the report (or the checkup visit) must be in scope.
 * Signing additionally requires a clinician (services/checkup/authorize.ts).
 */
export type CheckupAction = 'interpret' | 'view' | 'released' | 'review' | 'sign';

export const CHECKUP_RULES: Readonly<Record<Role, readonly CheckupAction[]>> = {
  clinician: ['interpret', 'view', 'released', 'review', 'sign'],
  nurse: ['interpret', 'view', 'released'],
  admin: [],
  researcher: [],
  // The person sees their own report once released (final and signed), never the review view.
  patient: ['released'],
  system: ['interpret', 'view', 'released', 'review', 'sign'],
};

/**
 * 403 when the role may not do `action`, 404 when the record (`DiagnosticReport` or checkup `Encounter`) is not
 * in the user's patient scope. For `released` the release rule itself is the checkup service's (a clear 403).
 */
export async function guardCheckup(
  ctx: RequestContext,
  repo: Repository,
  now: Date,
  action: CheckupAction,
  target: { readonly type: 'DiagnosticReport' | 'Encounter'; readonly id: string },
): Promise<void> {
  const policy = await AccessPolicy.load(ctx, repo, now);
  if (!CHECKUP_RULES[policy.user.role].includes(action)) {
    refuse(`A ${policy.user.role} may not ${action} checkup reports (user ${policy.user.id})`);
  }
  // The released-status rule is left to the service here so the person is told why a report is not out yet.
  const counts = await repo.countVersions(target.type, target.id, policy.condition(target.type, 'r', false), {
    currentOnly: true,
  });
  if (counts.matching < counts.all) throw new OutOfScopeError(`${target.type}/${target.id}`);
}
