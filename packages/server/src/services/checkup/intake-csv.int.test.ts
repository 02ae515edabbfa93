import type { Encounter, Observation, Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../store/open-store';
import { backendsUnderTest, steppingClock } from '../../testing/backends';
import { importCheckupCsv, type CsvImportReport } from './intake-csv';
import { CHECKUP_URI } from './systems';

/** A checkup-centre export with good rows and one of each kind of junk (line numbers: header = line 1). */
const CSV = [
  '体检号,姓名,性别,出生日期,项目代码,项目名称,结果,单位,参考范围,体检日期',
  'P001,张伟,男,1970-05-12,GLU,空腹血糖,108,mg/dL,70-110,2024-03-01', // 2: mg/dL converted to mmol/L
  'P001,张伟,男,1970-05-12,TC,总胆固醇,5.8,mmol/L,<5.2,2024-03-01', // 3
  'P001,张伟,男,1970-05-12,HBSAG,乙肝表面抗原,阳性,,阴性,2024-03-01', // 4
  'P001,张伟,男,1970-05-12,SBP,收缩压,162,mmHg,90-139,2024-03-01', // 5
  'P001,张伟,男,1970-05-12,XYZ9,幽门螺杆菌抗体,12.5,U/mL,<20,2024-03-01', // 6: unmapped → kept
  'P001,张伟,男,1970-05-12,ALT,谷丙转氨酶,高,U/L,9-50,2024-03-01', // 7: non-numeric
  ',李娜,女,1985-11-02,GLU,空腹血糖,5.1,mmol/L,3.9-6.1,2024-03-01', // 8: missing person id
  'P002,王芳,女,1985-11-02,GLU,空腹血糖,5.1,mmol/L,3.9-6.1,2024-02-30', // 9: impossible date
  'P002,王芳,女,1985-11-02,K,血钾,6.8,mmol/L,3.5-5.3,2024-03-01', // 10
  'P002,王芳,女,1985-11-02,K,血钾,6.9,mmol/L,3.5-5.3,2024-03-01', // 11: duplicate item
  'P002,王芳,女,1985-11-02,HGB,血红蛋白,12.1,g/dL,115-150,2024-03-01', // 12: g/dL converted to g/L
].join('\n');

describe.each(backendsUnderTest)('checkup CSV intake on $name', (backend) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let report: CsvImportReport;
  beforeAll(async () => {
    const opened = await backend.open({ clock: steppingClock() });
    store = opened.store;
    cleanup = opened.cleanup;
    // P002 is already known to the store: the import must find her, not create a second Patient.
    await store.repository.create<Patient>({
      resourceType: 'Patient',
      identifier: [{ system: CHECKUP_URI.personId, value: 'P002' }],
      name: [{ text: '王芳' }],
      gender: 'female',
    });
    report = await importCheckupCsv(store.repository, CSV);
  });
  afterAll(async () => cleanup());

  it('reports each bad row with its line and reason, and nothing else', () => {
    expect(report.rejected.map((r) => [r.line, r.message])).toEqual([
      [7, 'value "高" is not a number for Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma'],
      [8, 'missing person id'],
      [9, 'checkup date 2024-02-30 is not a real calendar date'],
      [11, 'duplicate item K for P002 on 2024-03-01 (first on line 10)'],
    ]);
  });

  it('imports the good rows: one Encounter per person and date, the unmapped item kept with its local code', async () => {
    expect(report.rows).toBe(11);
    expect(report.imported).toBe(7);
    expect(report.checkups.map((c) => [c.personId, c.date, c.observations])).toEqual([
      ['P001', '2024-03-01', 5],
      ['P002', '2024-03-01', 2],
    ]);
    expect(report.unmapped.map((u) => [u.line, u.itemCode])).toEqual([[6, 'XYZ9']]);
    const p001 = report.checkups[0]!;
    const obs = await store.repository.searchResources<Observation>('Observation', {
      encounter: `Encounter/${p001.encounterId}`,
      _count: '50',
    });
    const unmapped = obs.find((o) => o.code.coding?.some((c) => c.code === 'XYZ9'));
    expect(unmapped?.code.coding).toEqual([{ system: CHECKUP_URI.localItem, code: 'XYZ9', display: '幽门螺杆菌抗体' }]);
    expect(unmapped?.valueQuantity?.value).toBe(12.5);
  });

  it('finds a known person by identifier and creates the unknown one once', async () => {
    expect(report.patientsCreated).toBe(1);
    const p2 = await store.repository.searchResources<Patient>('Patient', {
      identifier: `${CHECKUP_URI.personId}|P002`,
    });
    expect(p2).toHaveLength(1);
    expect(report.checkups[1]!.patientId).toBe(p2[0]!.id);
    const p1 = await store.repository.read<Patient>('Patient', report.checkups[0]!.patientId);
    expect(p1).toMatchObject({ gender: 'male', birthDate: '1970-05-12', name: [{ text: '张伟' }] });
    const enc = await store.repository.read<Encounter>('Encounter', report.checkups[0]!.encounterId);
    expect(enc.period).toEqual({ start: '2024-03-01', end: '2024-03-01' });
  });

  it('maps local codes to LOINC with UCUM units, converting units and keeping the lab range', async () => {
    const obs = await store.repository.searchResources<Observation>('Observation', {
      encounter: `Encounter/${report.checkups[0]!.encounterId}`,
      code: 'http://loinc.org|14771-0',
    });
    // 108 mg/dL ÷ 18.016 (glucose 180.16 g/mol, PubChem CID 5793) = 5.9947 mmol/L; the range converts with it.
    expect(obs[0]?.valueQuantity).toEqual({ value: 5.9947, unit: 'mmol/L', system: CHECKUP_URI.ucum, code: 'mmol/L' });
    expect(obs[0]?.referenceRange?.[0]?.low?.value).toBe(3.8854);
    expect(obs[0]?.referenceRange?.[0]?.text).toBe('70-110');
    const tc = await store.repository.searchResources<Observation>('Observation', {
      code: 'http://loinc.org|14647-2',
    });
    expect(tc[0]?.referenceRange?.[0]).toMatchObject({ high: { value: 5.2 }, text: '<5.2' });
    expect(tc[0]?.referenceRange?.[0]?.low).toBeUndefined();
    const hbsag = await store.repository.searchResources<Observation>('Observation', {
      code: 'http://loinc.org|5196-1',
    });
    expect(hbsag[0]?.valueCodeableConcept?.coding?.[0]).toMatchObject({ code: '10828004', display: 'Positive' });
    const sbp = await store.repository.searchResources<Observation>('Observation', { code: 'http://loinc.org|8480-6' });
    expect(sbp[0]?.valueQuantity).toMatchObject({ value: 162, code: 'mm[Hg]' });
    expect(sbp[0]?.category?.[0]?.coding?.[0]?.code).toBe('vital-signs');
    const hgb = await store.repository.searchResources<Observation>('Observation', { code: 'http://loinc.org|718-7' });
    expect(hgb[0]?.valueQuantity).toMatchObject({ value: 121, code: 'g/L' });
  });

  it('is idempotent: importing the same file again writes no new resources or versions', async () => {
    const again = await importCheckupCsv(store.repository, CSV);
    expect(again.patientsCreated).toBe(0);
    expect(again.checkups.map((c) => c.encounterId)).toEqual(report.checkups.map((c) => c.encounterId));
    const history = await store.repository.history('Encounter', report.checkups[0]!.encounterId);
    expect(history.total).toBe(1);
    const patients = await store.repository.searchResources<Patient>('Patient', { _count: '10' });
    expect(patients).toHaveLength(2);
  });

  it('refuses a file without the required columns as a whole', async () => {
    const r = await importCheckupCsv(store.repository, 'name,value\nx,1\n');
    expect(r.fileProblem).toMatch(/missing column\(s\): personId, date, itemCode/);
    expect(r.imported).toBe(0);
  });
});
