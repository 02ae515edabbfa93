import type { Composition, DiagnosticReport, Observation } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { OperationOutcomeError } from '@careloop/core/fhir/outcomes';
import { REPORT_SYSTEM } from '@careloop/core/engines/checkup/index';
import { refuseUnsignedFinal } from './report-guard';

const CARELOOP_REPORT = { coding: [{ system: REPORT_SYSTEM, code: 'checkup-interpretation' }] };

const report = (status: DiagnosticReport['status']): DiagnosticReport => ({
  resourceType: 'DiagnosticReport',
  id: 'r1',
  status,
  code: CARELOOP_REPORT,
});

const refused = (f: () => void): number | undefined => {
  try {
    f();
    return undefined;
  } catch (e) {
    return e instanceof OperationOutcomeError ? e.status : -1;
  }
};

describe('refuseUnsignedFinal (no final without a signature on generic write paths)', () => {
  it.each([
    ['create as final', report('final'), undefined, 403],
    ['preliminary → final', report('final'), report('preliminary'), 403],
    ['preliminary → amended', report('amended'), report('preliminary'), 403],
    ['final → preliminary (unsigning)', report('preliminary'), report('final'), 403],
    ['preliminary → preliminary', report('preliminary'), report('preliminary'), undefined],
    ['create as preliminary', report('preliminary'), undefined, undefined],
  ] as const)('%s', (_name, incoming, current, expected) => {
    expect(
      refused(() => {
        refuseUnsignedFinal(incoming, current);
      }),
    ).toBe(expected);
  });

  it("guards the Composition too and leaves other systems' reports and other resources alone", () => {
    const composition: Composition = {
      resourceType: 'Composition',
      status: 'final',
      type: CARELOOP_REPORT,
      date: '2024-01-01',
      author: [{ display: 'x' }],
      title: 'x',
    };
    expect(
      refused(() => {
        refuseUnsignedFinal(composition, undefined);
      }),
    ).toBe(403);
    // Another system's final lab report is its own to send as final.
    const labReport: DiagnosticReport = {
      resourceType: 'DiagnosticReport',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '11502-2' }] },
    };
    expect(
      refused(() => {
        refuseUnsignedFinal(labReport, undefined);
      }),
    ).toBeUndefined();
    const obs: Observation = { resourceType: 'Observation', status: 'final', code: { text: 'x' } };
    expect(
      refused(() => {
        refuseUnsignedFinal(obs, undefined);
      }),
    ).toBeUndefined();
  });
});
