import type { Patient, Practitioner } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config/config';
import { sharedIds } from '../../synth/organizations';
import { PROFILES } from '../../synth/profiles';
import { generatePopulation, populationSharedResources } from '../../synth/index';
import type { Store } from '../../store/open-store';
import { backendsUnderTest } from '../../testing/backends';
import { interpretCheckups } from '../checkup/interpret';
import { systemContext } from '../context';
import { AccountService } from './accounts';
import { DEMO_NURSE_ID, DEMO_PASSWORD, ensureDemoAccounts, refuseDemoPasswords } from './demo-accounts';

describe.each(backendsUnderTest)('demo accounts on $name', (backend) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let reported: Patient;
  const dev = loadConfig({});
  beforeAll(async () => {
    ({ store, cleanup } = await backend.open());
    const people = [...generatePopulation({ seed: 11, patients: 6, profile: 'china', referenceDate: '2026-01-01' })];
    await store.repository.upsertMany([...populationSharedResources('china'), ...people.flat()]);
    // One checkup report, for the last person (so the first Patient is not picked by accident).
    const person = people.at(-1) ?? [];
    const visit = person.filter((r) => r.resourceType === 'Encounter' && /-c\d{8}$/.test(r.id ?? '')).at(-1);
    reported = person.find((r): r is Patient => r.resourceType === 'Patient') as Patient;
    const deps = { repo: store.repository, clock: () => new Date('2026-01-02T00:00:00Z') };
    const outcomes = await interpretCheckups(systemContext(), deps, [visit?.id ?? '']);
    expect(outcomes.map((o) => o.ok)).toEqual([true]);
  });
  afterAll(async () => cleanup());

  it('links the clinician and nurse to the organisation of the patients, and the patient to one with a report', async () => {
    const accounts = new AccountService(store.backend, () => new Date());
    const list = await ensureDemoAccounts(dev, store.repository, accounts);
    const ids = sharedIds(PROFILES.china);
    const by = Object.fromEntries(list.map((a) => [a.username, a]));
    expect(Object.keys(by)).toEqual(['doctor', 'nurse', 'admin', 'researcher', 'patient']);
    expect(by.doctor).toMatchObject({ role: 'clinician', organization: ids.checkupCentre, created: true });
    expect(ids.gps).toContain(by.doctor?.practitioner);
    expect(by.nurse).toMatchObject({ role: 'nurse', organization: ids.checkupCentre, practitioner: DEMO_NURSE_ID });
    expect(by.patient).toMatchObject({ role: 'patient', patient: reported.id });
    const nurse = await store.repository.read<Practitioner>('Practitioner', DEMO_NURSE_ID);
    expect(nurse.name?.[0]?.family).toBe('Wang');
    const signIn = await accounts.signIn('doctor', DEMO_PASSWORD, dev.lockout);
    expect(signIn.ok).toBe(true);

    const again = await ensureDemoAccounts(dev, store.repository, accounts);
    expect(again.map((a) => a.created)).toEqual([false, false, false, false, false]);
    expect((await accounts.list()).length).toBe(5);
    const production = loadConfig({ CARELOOP_ENV: 'production', CARELOOP_JWT_SECRET: 'x'.repeat(32) });
    await expect(ensureDemoAccounts(production, store.repository, accounts)).rejects.toThrow(ConfigError);

    // A store that began as a demo: production refuses to start until no enabled account has the demo password.
    await expect(refuseDemoPasswords(dev, accounts)).resolves.toBeUndefined();
    await expect(refuseDemoPasswords(production, accounts)).rejects.toThrow(
      /admin, doctor, nurse, patient, researcher/,
    );
    for (const a of list) await accounts.setDisabled(a.username, true);
    await accounts.setDisabled('admin', false);
    await accounts.setPassword('admin', 'a new and private password');
    await expect(refuseDemoPasswords(production, accounts)).resolves.toBeUndefined();
  });
});
