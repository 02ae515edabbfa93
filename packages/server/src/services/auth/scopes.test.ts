import { describe, expect, it } from 'vitest';
import { DEFAULT_SCOPES, narrowScopes, parseScope, scopesAllow, type ScopeRequest } from './scopes';

// SMART App Launch 2.x, "Scopes for requesting clinical data" and the v1 → v2 mapping table:
// https://hl7.org/fhir/smart-app-launch/scopes-and-launch-context.html
describe('parseScope', () => {
  const cases: [string, { context: string; resourceType: string; ops: string } | undefined][] = [
    ['patient/Observation.read', { context: 'patient', resourceType: 'Observation', ops: 'rs' }],
    ['user/*.write', { context: 'user', resourceType: '*', ops: 'cud' }],
    ['user/*.*', { context: 'user', resourceType: '*', ops: 'cruds' }],
    ['system/Patient.*', { context: 'system', resourceType: 'Patient', ops: 'cruds' }],
    ['user/Observation.rs', { context: 'user', resourceType: 'Observation', ops: 'rs' }],
    ['system/*.cruds', { context: 'system', resourceType: '*', ops: 'cruds' }],
    ['patient/Encounter.c', { context: 'patient', resourceType: 'Encounter', ops: 'c' }],
    ['user/Condition.ud', { context: 'user', resourceType: 'Condition', ops: 'ud' }],
    ['user/Observation.sr', undefined], // v2 letters must keep the order c, r, u, d, s
    ['user/Observation.rr', undefined],
    ['user/Observation.x', undefined],
    ['user/Observation.', undefined],
    ['*.*', undefined], // no context: not a SMART resource scope
    ['practitioner/Observation.read', undefined],
    ['user/observation.read', undefined], // resource types start upper-case
    ['patient/Observation.rs?category=laboratory', undefined], // granular: never honoured, so never granted
    ['openid', undefined],
    ['launch/patient', undefined],
    ['', undefined],
  ];
  it.each(cases)('%s', (scope, expected) => {
    const p = parseScope(scope);
    expect(p && { context: p.context, resourceType: p.resourceType, ops: [...p.ops].sort().join('') }).toEqual(
      expected && { ...expected, ops: expected.ops.split('').sort().join('') },
    );
  });
});

describe('scopesAllow', () => {
  const r = (context: ScopeRequest['context'], resourceType: string, op: ScopeRequest['op']): ScopeRequest => ({
    context,
    resourceType,
    op,
  });
  const cases: [string[], ScopeRequest, boolean][] = [
    [['patient/Observation.read'], r('patient', 'Observation', 'r'), true],
    [['patient/Observation.read'], r('patient', 'Observation', 's'), true],
    [['patient/Observation.read'], r('patient', 'Observation', 'c'), false],
    [['patient/Observation.read'], r('patient', 'Condition', 'r'), false],
    [['patient/Observation.read'], r('user', 'Observation', 'r'), false], // context must match
    [['user/*.write'], r('user', 'Patient', 'u'), true],
    [['user/*.write'], r('user', 'Patient', 'r'), false],
    [['user/*.cruds'], r('user', 'DiagnosticReport', 'd'), true],
    [['user/Observation.rs', 'user/Patient.r'], r('user', 'Patient', 's'), false],
    [['user/Observation.rs', 'user/Patient.r'], r('user', 'Patient', 'r'), true],
    [['system/*.rs'], r('system', 'Patient', 'c'), false],
    [['system/*.cruds'], r('system', 'AuditEvent', 'c'), true],
    [['openid', 'fhirUser'], r('user', 'Patient', 'r'), false],
    [[], r('user', 'Patient', 'r'), false],
    [['patient/*.rs?category=vital-signs'], r('patient', 'Observation', 'r'), false],
  ];
  it.each(cases)('%j allows %j: %s', (scopes, request, expected) => {
    expect(scopesAllow(scopes, request)).toBe(expected);
  });
});

describe('narrowScopes', () => {
  const cases: [readonly string[], string[] | undefined, string[]][] = [
    [DEFAULT_SCOPES.clinician, undefined, ['user/*.cruds']],
    [DEFAULT_SCOPES.clinician, [], ['user/*.cruds']],
    [DEFAULT_SCOPES.clinician, ['user/Observation.rs', 'openid'], ['user/Observation.rs', 'openid']],
    [DEFAULT_SCOPES.clinician, ['user/Observation.read'], ['user/Observation.read']],
    [DEFAULT_SCOPES.patient, ['patient/*.cruds'], []], // asking for more never widens the grant
    [DEFAULT_SCOPES.patient, ['user/*.rs', 'patient/Observation.rs'], ['patient/Observation.rs']],
    [DEFAULT_SCOPES.admin, ['user/Practitioner.rs', 'user/Patient.rs'], ['user/Practitioner.rs']],
    [DEFAULT_SCOPES.researcher, ['user/*.rs'], []],
    [['user/Observation.rs'], ['user/*.rs'], []],
    [['user/Observation.r', 'user/*.s'], ['user/Observation.rs'], ['user/Observation.rs']],
  ];
  it.each(cases)('%j asked %j → %j', (allowed, requested, expected) => {
    expect(narrowScopes(allowed, requested)).toEqual(expected);
  });
});
