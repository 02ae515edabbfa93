import type { Address, HumanName, Identifier, Patient } from '@medplum/fhirtypes';
import { isoDate } from './dates';
import { SYNTH_NS, SYSTEM, URBAN_RURAL_URL, ref } from './fhir';
import { chinaMobile, mrn, residentId, usFictionalPhone } from './identifiers';
import { chineseName, englishName, misspell } from './names';
import type { PersonName } from './names';
import { gpOf, sharedIds } from './organizations';
import type { Person } from './person';
import { STREAM } from './person';
import { CHINA_PLACES, US_PLACES, streetLine } from './places';
import { randomFor } from './random';
import type { Random } from './random';

/** Identifier system of the resident identity number (China's health information OID for it, WS 363). */
export const RESIDENT_ID_SYSTEM = 'urn:oid:2.16.156.10011.1.3';
/** MRN systems of the primary (checkup centre and hospital) and the second source system. */
export const MRN_SYSTEM = `${SYNTH_NS}/mrn`;
export const SECOND_MRN_SYSTEM = `${SYNTH_NS}/clinic-b/mrn`;

interface Home {
  readonly address: Address;
  readonly residentRegion?: string;
}

function home(person: Person, rng: Random): Home {
  const street = streetLine(person.profile.key, rng.int(1, 400), (xs) => rng.pick(xs));
  if (person.profile.key === 'china') {
    const rural = rng.chance(person.profile.ruralShare);
    const places = CHINA_PLACES.filter((p) => p.setting === (rural ? 'rural' : 'urban'));
    const p = rng.pick(places);
    return {
      residentRegion: p.code,
      address: {
        extension: [{ url: URBAN_RURAL_URL, valueCode: p.setting }],
        use: 'home',
        text: `${p.province}${p.city === p.province ? '' : p.city}${p.district}${street}`,
        line: [street],
        district: p.district,
        city: p.city,
        state: p.province,
        country: 'CN',
      },
    };
  }
  const p = rng.weighted(US_PLACES, (x) => x.weight);
  return {
    address: {
      use: 'home',
      line: [street],
      city: p.city,
      state: p.state,
      postalCode: `${p.zip3}${String(rng.int(1, 99)).padStart(2, '0')}`,
      country: 'US',
    },
  };
}

function humanNames(name: PersonName): HumanName[] {
  if (!name.han) return [{ use: 'official', family: name.family, given: [...name.given] }];
  return [
    { use: 'official', text: `${name.han.family}${name.han.given}`, family: name.han.family, given: [name.han.given] },
    {
      extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/language', valueCode: 'zh-Latn-pinyin' }],
      use: 'usual',
      family: name.family,
      given: [...name.given],
    },
  ];
}

const mrnId = (system: string, value: string): Identifier => ({
  use: 'usual',
  type: { coding: [{ system: SYSTEM.v2_0203, code: 'MR', display: 'Medical record number' }] },
  system,
  value,
});

const residentIdentifier = (value: string): Identifier => ({
  use: 'official',
  type: {
    coding: [{ system: SYSTEM.v2_0203, code: 'NI', display: 'National unique individual identifier' }],
    text: '居民身份证号',
  },
  system: RESIDENT_ID_SYSTEM,
  value,
});

/** The person's Patient record, and a second record from another source system for a few percent of people. */
export function patientResources(person: Person): Patient[] {
  const rng = randomFor(person.options.seed, person.options.index, STREAM.record);
  const china = person.profile.key === 'china';
  const name = china ? chineseName(person.sex, rng) : englishName(person.sex, rng);
  const where = home(person, rng);
  const phone = china ? chinaMobile(rng) : usFictionalPhone('555', rng);
  const birthDate = isoDate(person.birthDay);
  const idNumber = where.residentRegion ? residentId(where.residentRegion, birthDate, person.sex, rng) : undefined;
  const ids = sharedIds(person.profile);
  const identifiers: Identifier[] = [mrnId(MRN_SYSTEM, mrn('MR', person.options.index))];
  if (idNumber) identifiers.unshift(residentIdentifier(idNumber));
  const primary: Patient = {
    resourceType: 'Patient',
    id: person.id,
    identifier: identifiers,
    active: true,
    name: humanNames(name),
    telecom: [{ system: 'phone', value: phone, use: 'mobile' }],
    gender: person.sex,
    birthDate,
    address: [where.address],
    generalPractitioner: [ref('Practitioner', gpOf(person))],
    managingOrganization: ref('Organization', ids.checkupCentre),
  };
  const dupDraw = rng.next();
  if (dupDraw >= person.profile.duplicateShare) return [primary];
  const moved = home(person, rng);
  const second: Identifier[] = [mrnId(SECOND_MRN_SYSTEM, mrn('CB', person.options.index * 7 + 13))];
  if (idNumber && rng.chance(0.5)) second.unshift(residentIdentifier(idNumber));
  return [
    primary,
    {
      resourceType: 'Patient',
      id: `${person.id}-b`,
      identifier: second,
      active: true,
      name: humanNames(misspell(name, rng)),
      ...(rng.chance(0.7) ? { telecom: [{ system: 'phone', value: phone, use: 'mobile' }] } : {}),
      gender: person.sex,
      birthDate,
      address: [moved.address],
      managingOrganization: ref('Organization', ids.secondSource),
    },
  ];
}
