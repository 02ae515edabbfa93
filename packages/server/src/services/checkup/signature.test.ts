import { createHash } from 'node:crypto';
import type { DiagnosticReport } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { canonicalJson, signatureDigest } from './signature';

describe('canonicalJson', () => {
  // RFC 8785 §3.2.3: members sorted by key; no insignificant whitespace.
  it('sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 2, y: undefined, x: 'é' }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":"é","z":2}]},"b":1}',
    );
  });
});

describe('signatureDigest', () => {
  const report: DiagnosticReport = { resourceType: 'DiagnosticReport', id: 'r1', status: 'final', code: { text: 'x' } };
  it('is base64 SHA-256 of the canonical array, independent of key order and meta', () => {
    const expected = createHash('sha256')
      .update('[{"code":{"text":"x"},"id":"r1","resourceType":"DiagnosticReport","status":"final"}]')
      .digest('base64');
    expect(signatureDigest([report])).toBe(expected);
    const reordered = { status: 'final', code: { text: 'x' }, id: 'r1', resourceType: 'DiagnosticReport' } as const;
    expect(signatureDigest([{ ...reordered, meta: { versionId: '7' } }])).toBe(expected);
  });
  it('changes when the content changes', () => {
    expect(signatureDigest([{ ...report, status: 'amended' }])).not.toBe(signatureDigest([report]));
  });
});
