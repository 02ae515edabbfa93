import type { DiagnosticReport, Encounter, Observation, Patient, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { deidentify } from './deidentify';
import { DEID_ENCOUNTER, DEID_FORBIDDEN, DEID_OBSERVATION, DEID_PATIENT, DEID_RECORD, DEID_REPORT } from './fixtures';
import { DeidentifyKeys } from './keys';
import { shiftDate } from './date-shift';
import { SAFE_HARBOR_RULES } from './safe-harbor';

const SECRET = 'test-secret-0123456789-abcdefghijklmnop';
const OTHER = 'another-secret-0123456789-abcdefghijklm';
const NOW = new Date('2026-01-15T00:00:00Z');

function run(secret = SECRET, now = NOW): Resource[] {
  const keys = new DeidentifyKeys(secret);
  return DEID_RECORD.map((r) => deidentify(r, { keys, now }));
}

const ms = (s: string | undefined) => Date.parse(s ?? '');
const days = (a: string | undefined, b: string | undefined) => (ms(b) - ms(a)) / 86_400_000;

describe('deidentify (Safe Harbor, 45 CFR 164.514(b)(2))', () => {
  it('tables all 18 identifiers with their source', () => {
    expect(SAFE_HARBOR_RULES.map((r) => r.item).join('')).toBe('ABCDEFGHIJKLMNOPQR');
    for (const r of SAFE_HARBOR_RULES) expect(r.source).toContain('164.514');
  });

  it('leaves no name, identifier, phone, address, id or exact date anywhere in the output', () => {
    const text = JSON.stringify(run());
    for (const s of DEID_FORBIDDEN) expect(text, s).not.toContain(s);
  });

  it('keeps the clinical content: codes, values, statuses, state and country', () => {
    const [p, , o, r] = run() as [Patient, Encounter, Observation, DiagnosticReport];
    expect(p.gender).toBe('male');
    expect(p.address).toEqual([{ use: 'home', state: '北京市', country: 'CN' }]);
    expect(p.identifier?.[0]?.type?.coding?.[0]?.code).toBe('NI');
    expect(o.code.text).toBe('空腹血糖');
    expect(o.code.coding?.[0]).toEqual({ system: 'http://loinc.org', code: '1558-6', display: 'Fasting glucose' });
    expect(o.valueQuantity?.value).toBe(7.8);
    expect(o.note).toBeUndefined();
    expect(r.conclusion).toBeUndefined();
    expect(r.presentedForm).toBeUndefined();
    expect(r.conclusionCode?.[0]?.coding?.[0]?.code).toBe('444780001');
    expect(p.meta?.source).toBeUndefined();
  });

  it('shifts every date of a patient by the same offset, so intervals are kept', () => {
    const [p, e, o, r] = run() as [Patient, Encounter, Observation, DiagnosticReport];
    const offset = days(DEID_ENCOUNTER.period?.start, e.period?.start);
    expect(Math.abs(offset)).toBeGreaterThanOrEqual(1);
    expect(Math.abs(offset)).toBeLessThanOrEqual(180);
    expect(Number.isInteger(offset)).toBe(true);
    expect(days(e.period?.start, e.period?.end)).toBe(days(DEID_ENCOUNTER.period?.start, DEID_ENCOUNTER.period?.end));
    expect(days(DEID_OBSERVATION.effectiveDateTime, o.effectiveDateTime)).toBe(offset);
    expect(days(DEID_OBSERVATION.issued, o.issued)).toBe(offset);
    expect(days(DEID_REPORT.issued, r.issued)).toBe(offset);
    expect(r.effectiveDateTime).toBe(shiftDate('2025-06-03', offset));
    expect(days(DEID_PATIENT.meta?.lastUpdated, p.meta?.lastUpdated)).toBe(offset);
    expect(o.effectiveDateTime?.endsWith('T08:40:00+08:00')).toBe(true);
  });

  it('reduces birthDate to the year of the shifted date, and aggregates ages of 90 and over', () => {
    const keys = new DeidentifyKeys(SECRET);
    const offset = keys.dateOffset('Patient/pat-zhang-001');
    const [p] = run() as [Patient];
    expect(p.birthDate).toBe(shiftDate('1957-03-07', offset).slice(0, 4));
    const old = deidentify({ ...DEID_PATIENT, birthDate: '1930-02-01' }, { keys, now: NOW });
    expect(old.birthDate).toBe('1936');
    // 89 until tomorrow: not aggregated
    const turning90 = deidentify({ ...DEID_PATIENT, birthDate: '1936-01-16' }, { keys, now: NOW });
    expect(turning90.birthDate).toBe(shiftDate('1936-01-16', offset).slice(0, 4));
  });

  it('gives the same patient the same pseudonym everywhere and in two runs; another secret gives another', () => {
    const [p, e, o, r] = run() as [Patient, Encounter, Observation, DiagnosticReport];
    const pid = p.id!;
    expect(pid).toMatch(/^[0-9a-f]{32}$/);
    expect(e.subject?.reference).toBe(`Patient/${pid}`);
    expect(o.subject?.reference).toBe(`Patient/${pid}`);
    expect(r.subject?.reference).toBe(`Patient/${pid}`);
    expect(r.result?.[0]?.reference).toBe(`Observation/${o.id!}`);
    expect(o.encounter?.reference).toBe(`Encounter/${e.id!}`);
    expect(run()).toEqual(run());
    const [p2] = run(OTHER) as [Patient];
    expect(p2.id).not.toBe(pid);
    expect(p2.identifier?.[0]?.value).not.toBe(p.identifier?.[0]?.value);
  });

  it('cuts US ZIP codes to three digits and writes restricted areas as 000', () => {
    const keys = new DeidentifyKeys(SECRET);
    const us = (postalCode: string) =>
      deidentify(
        {
          resourceType: 'Patient',
          id: 'u1',
          address: [{ line: ['1 Main St'], city: 'Boston', state: 'MA', postalCode, country: 'US' }],
        },
        { keys, now: NOW },
      ).address;
    expect(us('02118')).toEqual([{ state: 'MA', postalCode: '021', country: 'US' }]);
    expect(us('03601-1234')).toEqual([{ state: 'MA', postalCode: '000', country: 'US' }]);
  });

  it('drops identifying extensions and keeps standard coded ones', () => {
    const keys = new DeidentifyKeys(SECRET);
    const out = deidentify(
      {
        resourceType: 'Patient',
        id: 'x',
        extension: [
          { url: 'http://hl7.org/fhir/StructureDefinition/patient-mothersMaidenName', valueString: 'Liu' },
          { url: 'http://hl7.org/fhir/StructureDefinition/patient-birthPlace', valueAddress: { city: 'Shanghai' } },
          { url: 'https://his.hospital-a.cn/ext/patient/pat-zhang-001', valueCode: 'x' },
          { url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex', valueCode: 'F' },
        ],
      },
      { keys, now: NOW },
    );
    expect(out.extension).toEqual([
      { url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex', valueCode: 'F' },
    ]);
  });
});

describe('deidentify: contained resources', () => {
  it('keeps local ids so #references still resolve, and de-identifies the contained content', () => {
    const keys = new DeidentifyKeys(SECRET);
    const out = deidentify(
      {
        resourceType: 'Observation',
        id: 'o1',
        status: 'final',
        code: { text: 'free text only' },
        contained: [{ resourceType: 'Practitioner', id: 'p1', name: [{ family: 'Wang' }], telecom: [{ value: '1' }] }],
        performer: [{ reference: '#p1', display: 'Dr Wang' }],
      },
      { keys, now: NOW },
    );
    expect(out.contained).toEqual([{ resourceType: 'Practitioner', id: 'p1' }]);
    expect(out.performer).toEqual([{ reference: '#p1' }]);
    expect(out.code).toBeUndefined();
  });
});
