import { OperationOutcomeError } from '@careloop/core/fhir/outcomes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendsUnderTest, steppingClock } from '../testing/backends';
import { clinicFixture } from '../testing/fixtures';
import type { Store } from './open-store';

/**
 * Search semantics from https://hl7.org/fhir/R4/search.html, on the clinic fixture, on both backends.
 * Each row: resource type, query, the ids expected (in order when the query sorts).
 */
type Case = readonly [string, string, readonly string[]];

const cases: readonly Case[] = [
  // token: system|code, |code, code, system|, :not, :text, identifiers, booleans-as-codes
  ['Observation', 'code=http://loinc.org|14647-2', ['chol-p1']],
  ['Observation', 'code=14647-2,2093-3', ['chol-p1', 'chol-p2']],
  ['Observation', 'code=http://snomed.info/sct|14647-2', []],
  ['Observation', 'category=vital-signs', ['bp-p1']],
  ['Observation', 'status:not=final', ['weight-p1']],
  ['Observation', 'code:text=cholesterol [mass', ['chol-p2']],
  ['Observation', 'component-code=http://loinc.org|8480-6', ['bp-p1']],
  ['Condition', 'code=http://hl7.org/fhir/sid/icd-10-cm|I10', ['htn-p1']],
  ['Condition', 'code=http://snomed.info/sct|', ['htn-p1']],
  ['Patient', 'identifier=urn:careloop:test:mrn|A002', ['p2']],
  ['Patient', 'gender=female', ['p2']],
  ['MedicationRequest', 'code=http://www.nlm.nih.gov/research/umls/rxnorm|197361', ['mr1']],
  ['MedicationStatement', 'code=860975', ['ms1']],
  ['AllergyIntolerance', 'criticality=high', ['al1']],
  ['Immunization', 'vaccine-code=140', ['im1']],
  ['Consent', 'status=active', ['consent1']],
  ['Flag', 'subject=Patient/p2', ['flag1']],
  ['Task', 'status=requested', ['task1']],
  ['Practitioner', 'identifier=http://hl7.org/fhir/sid/us-npi|9999999999', ['dr1']],
  ['Organization', 'identifier=SCC', ['org1']],
  ['AuditEvent', 'action=R', ['audit1']],
  ['Device', '_id=engine1', ['engine1']],
  // string: case- and accent-insensitive prefix, :exact, :contains, any part of a name or address
  ['Patient', 'name=muller', ['p2']],
  ['Patient', 'family=MÜL', ['p2']],
  ['Patient', 'name=maria', ['p2']],
  ['Patient', 'name=张', ['p1']],
  ['Patient', 'family:exact=Müller', ['p2']],
  ['Patient', 'family:exact=muller', []],
  ['Patient', 'name:contains=ll', ['p2']],
  ['Patient', 'address-city=hang', ['p1']],
  ['Patient', 'address=boston', ['p2']],
  ['Practitioner', 'name=li', ['dr1']],
  ['Organization', 'name=sunrise', ['org1']],
  ['Composition', 'title=checkup', ['comp1']],
  // date: partial dates and every prefix; periods; time zones
  ['Patient', 'birthdate=1968', ['p1']],
  ['Patient', 'birthdate=1985-11-20', []],
  ['Patient', 'birthdate=1985-11', ['p2']],
  ['Patient', 'birthdate=ne1968-04-12', ['p2']],
  ['Patient', 'birthdate=lt1970', ['p1']],
  ['Patient', 'birthdate=gt1970', ['p2']],
  ['Patient', 'birthdate=ge1985-11', ['p2']],
  ['Patient', 'birthdate=le1968-04-12', ['p1']],
  ['Patient', 'birthdate=sa1968', ['p2']],
  ['Patient', 'birthdate=eb1985', ['p1']],
  ['Observation', 'date=2024-03-01', ['bp-p1', 'chol-p1']],
  ['Observation', 'date=2024-03-01T00:30:00Z', ['chol-p1']],
  ['Observation', 'date=2024-03-01T00:30:01Z', []],
  ['Observation', 'date=ge2024-03-01T00:20:00Z&date=lt2024-03-01T00:40:00Z', ['chol-p1']],
  ['Observation', 'date=2024-01-15', []],
  ['Observation', 'date=2024-01', ['weight-p1']],
  ['Observation', 'date=ap2024-01-15', ['weight-p1']],
  ['Encounter', 'date=2024-03-01', ['e1']],
  ['Condition', 'onset-date=lt2020', ['htn-p1']],
  ['Procedure', 'date=2022', ['proc1']],
  ['MedicationRequest', 'authoredon=2024-03', ['mr1']],
  ['DiagnosticReport', 'date=2024-03-01', ['dr-p1']],
  ['RiskAssessment', 'date=2024', ['ra1']],
  ['DetectedIssue', 'identified=2024-03-02', ['di1']],
  ['CarePlan', 'date=2024-06', []],
  ['CarePlan', 'date=le2024-06', ['cp1']],
  ['CarePlan', 'date=ge2024-06', ['cp1']],
  ['CarePlan', 'date=sa2024-06', []],
  ['Flag', 'date=ge2030-01-01', ['flag1']],
  ['Provenance', 'recorded=2024-03-02', ['prov1']],
  ['Consent', 'date=2024-01-05', ['consent1']],
  // quantity: number precision, prefixes, UCUM conversion (mg/dL finds mmol/L via the molar mass of cholesterol)
  ['Observation', 'value-quantity=6.2', ['chol-p1']],
  ['Observation', 'value-quantity=6.2|http://unitsofmeasure.org|mmol/L', ['chol-p1']],
  ['Observation', 'value-quantity=gt200|http://unitsofmeasure.org|mg/dL', ['chol-p1']],
  ['Observation', 'value-quantity=lt200|http://unitsofmeasure.org|mg/dL', ['chol-p2']],
  ['Observation', 'value-quantity=ge4|http://unitsofmeasure.org|mmol/L', ['chol-p1', 'chol-p2']],
  ['Observation', 'value-quantity=72.5|http://unitsofmeasure.org|kg', ['weight-p1']],
  ['Observation', 'value-quantity=ap70|http://unitsofmeasure.org|kg', ['weight-p1']],
  ['Observation', 'component-value-quantity=gt140|http://unitsofmeasure.org|mm[Hg]', ['bp-p1']],
  ['Observation', 'component-value-quantity=lt90|http://unitsofmeasure.org|mm[Hg]', []],
  // reference: Type/id, bare id, :Type, absolute URL, chained one level
  ['Observation', 'subject=Patient/p1', ['bp-p1', 'chol-p1', 'weight-p1']],
  ['Observation', 'patient=p2', ['chol-p2']],
  ['Observation', 'subject:Patient=p2', ['chol-p2']],
  ['Observation', 'encounter=http://example.org/fhir/Encounter/e1', ['chol-p1']],
  ['Observation', 'subject:Patient.identifier=urn:careloop:test:mrn|A002', ['chol-p2']],
  ['Observation', 'subject:Patient.name=zhang', ['bp-p1', 'chol-p1', 'weight-p1']],
  ['Observation', 'patient.gender=female', ['chol-p2']],
  ['Encounter', 'service-provider.name=sunrise', ['e1']],
  ['DiagnosticReport', 'result=Observation/chol-p1', ['dr-p1']],
  ['Provenance', 'target=DiagnosticReport/dr-p1', ['prov1']],
  ['Task', 'focus=CarePlan/cp1', ['task1']],
  ['RiskAssessment', 'subject=Patient/p1', ['ra1']],
  ['DetectedIssue', 'patient=p1', ['di1']],
  ['Composition', 'author=Device/engine1', ['comp1']],
  ['AuditEvent', 'agent=Practitioner/dr1', ['audit1']],
  ['AllergyIntolerance', 'patient:missing=false', ['al1']],
  ['Observation', 'encounter:missing=true', ['bp-p1', 'chol-p2', 'weight-p1']],
  // _id, sort (multiple keys, descending), OR within a parameter, AND across
  ['Patient', '_id=p1,p2&_sort=-_id', ['p2', 'p1']],
  ['Observation', '_sort=-date', ['chol-p1', 'bp-p1', 'weight-p1', 'chol-p2']],
  ['Observation', '_sort=status,-date', ['weight-p1', 'chol-p1', 'bp-p1', 'chol-p2']],
  // 6.2 mmol/L of cholesterol (≈ 240 mg/dL) sorts above 180 mg/dL: values compare in canonical units.
  ['Observation', '_sort=-value-quantity&category=laboratory', ['chol-p1', 'chol-p2']],
  ['Observation', '_sort=value-quantity&category=laboratory', ['chol-p2', 'chol-p1']],
  ['Patient', '_sort=birthdate', ['p1', 'p2']],
  ['Patient', '_sort=family', ['p2', 'p1']],
];

describe.each(backendsUnderTest)('search on $name', (backend) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await backend.open({ clock: steppingClock() }));
    await store.repository.upsertMany(clinicFixture());
  });
  afterAll(async () => cleanup());

  const search = (type: string, query: string) =>
    store.repository.search(store.repository.parseSearch(type, [...new URLSearchParams(query)]));

  it.each(cases)('%s?%s', async (type, query, expected) => {
    const result = await search(type, query);
    const ids = result.resources.map((r) => r.id);
    if (query.includes('_sort')) expect(ids).toEqual(expected);
    else expect([...ids].sort()).toEqual([...expected].sort());
    expect(result.total).toBe(expected.length);
  });

  it('_lastUpdated compares with the stored instant', async () => {
    const all = await search('Patient', '_sort=_lastUpdated');
    const first = all.resources[0]!.meta!.lastUpdated!;
    const after = await search('Patient', `_lastUpdated=gt${first}`);
    expect(after.resources.map((r) => r.id)).toEqual(all.resources.slice(1).map((r) => r.id));
  });

  it('pages with _count and _offset, and counts with _summary=count', async () => {
    const page1 = await search('Observation', '_count=2&_sort=_id');
    const page2 = await search('Observation', '_count=2&_offset=2&_sort=_id');
    expect(page1.resources.map((r) => r.id)).toEqual(['bp-p1', 'chol-p1']);
    expect(page2.resources.map((r) => r.id)).toEqual(['chol-p2', 'weight-p1']);
    expect(page1.total).toBe(4);
    const count = await search('Observation', '_summary=count');
    expect(count.total).toBe(4);
    expect(count.resources).toEqual([]);
  });

  it('_include and _revinclude bring the referenced and referencing resources, one level', async () => {
    const inc = await search('Observation', 'code=14647-2&_include=Observation:subject&_include=Observation:encounter');
    expect(inc.resources.map((r) => r.id)).toEqual(['chol-p1']);
    expect(inc.included.map((r) => `${r.resourceType}/${r.id!}`).sort()).toEqual(['Encounter/e1', 'Patient/p1']);
    const typed = await search('Patient', '_id=p1&_include=Patient:general-practitioner:Practitioner');
    expect(typed.included.map((r) => r.id)).toEqual(['dr1']);
    const rev = await search('Patient', '_id=p2&_revinclude=Observation:subject&_revinclude=Flag:subject');
    expect(rev.included.map((r) => `${r.resourceType}/${r.id!}`).sort()).toEqual(['Flag/flag1', 'Observation/chol-p2']);
  });

  it('_elements keeps the named elements and marks the result SUBSETTED', async () => {
    const r = await search('Patient', '_id=p1&_elements=birthDate');
    const p = r.resources[0] as unknown as Record<string, unknown>;
    expect(Object.keys(p).sort()).toEqual(['birthDate', 'id', 'meta', 'resourceType']);
    expect(JSON.stringify(p.meta)).toContain('SUBSETTED');
  });

  it.each([
    ['Patient', 'nonsense=1', 'nonsense'],
    ['Patient', 'birthdate=last-tuesday', 'birthdate'],
    ['Observation', 'value-quantity=high', 'value-quantity'],
    ['Patient', 'gender:fuzzy=male', 'gender:fuzzy'],
    ['Patient', '_sort=nonsense', '_sort'],
    ['Patient', '_count=-1', '_count'],
    ['Observation', 'subject.name=x', 'subject.name'],
    ['Patient', '_include=Nope:subject', '_include'],
  ])('%s?%s is a 400 naming %s', async (type, query, expression) => {
    try {
      await search(type, query);
      expect.fail('expected an error');
    } catch (e) {
      expect(e).toBeInstanceOf(OperationOutcomeError);
      const err = e as OperationOutcomeError;
      expect(err.status).toBe(400);
      expect(err.outcome.issue?.[0]?.expression).toEqual([expression]);
    }
  });

  it('reindexes on update and forgets deleted resources', async () => {
    const repo = store.repository;
    const p1 = await repo.read('Patient', 'p1');
    await repo.update({ ...p1, gender: 'other' } as typeof p1);
    expect((await search('Patient', 'gender=male')).total).toBe(0);
    expect((await search('Patient', 'gender=other')).total).toBe(1);
    await repo.delete('Flag', 'flag1');
    expect((await search('Flag', 'subject=Patient/p2')).total).toBe(0);
  });
});
