import type { Random } from '../../synth/random';
import { mutateText, mutateValue, NASTY_STRINGS } from './mutate';
import { validObservation, validPatient, validTransaction } from './valid';

/** One generated request. `expectValid` is true when the input was not mutated (a 4xx is then not a "rejection"). */
export interface FuzzRequest {
  readonly kind: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  readonly url: string;
  readonly contentType?: string;
  readonly payload?: string;
  readonly mutated: boolean;
  readonly transaction: boolean;
}

/** Ids the fuzzer knows exist (Type/id), so that reads, updates and deletes sometimes hit something. */
export interface Known {
  readonly live: ReadonlyMap<string, true>;
  any(rng: Random, type?: string): string | undefined;
}

const TYPES = [
  'Patient',
  'Observation',
  'Patient',
  'Observation',
  'Encounter',
  'Foo',
  'patient',
  'Patient%00',
  '..%2F..%2Fetc',
  'Bundle',
];
const BAD_IDS = [
  '..%2F..%2Fetc%2Fpasswd',
  'a'.repeat(100),
  '%00',
  '%20',
  '%C3%BC',
  '%ED%A0%80',
  '-',
  '.',
  'x%2Fy',
  '1e309',
  '%25',
];
const SEARCH_PARAMS = [
  'name',
  'family',
  'given',
  'birthdate',
  'gender',
  'identifier',
  '_id',
  '_lastUpdated',
  'subject',
  'patient',
  'code',
  'value-quantity',
  'date',
  '_count',
  '_sort',
  '_include',
  '_revinclude',
  '_summary',
  '_elements',
  '_total',
  '_offset',
  'foo',
  '_has:Observation:patient:code',
  'subject:Patient.name',
  '',
  '_format',
];
const MODIFIERS = [
  '',
  '',
  '',
  ':exact',
  ':contains',
  ':missing',
  ':not',
  ':text',
  ':above',
  ':below',
  ':in',
  ':identifier',
  ':Patient',
  ':bogus',
  ':',
  '::',
];
const PREFIXES = ['', '', 'eq', 'ne', 'gt', 'lt', 'ge', 'le', 'sa', 'eb', 'ap', 'xx'];
const VALUES = [
  '2024-01-01',
  '2024',
  '2024-13',
  '1e400',
  '-0',
  '5.4|http://unitsofmeasure.org|mmol/L',
  'http://loinc.org|1558-6',
  '|',
  'a,b,,c',
  'true',
  '-1',
  '99999999999999999999',
  '王',
  'Patient/x',
  '*',
  'Observation:subject',
  '_id,name',
  'desc',
  '-birthdate',
  'count',
];
const CONTENT_TYPES = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/fhir+json; charset=latin1',
  'application/octet-stream',
];

/** Percent-encodes, leaving invalid UTF-16 (lone surrogates) as invalid UTF-8 bytes on purpose. */
function enc(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
}

function queryString(rng: Random): string {
  const parts: string[] = [];
  for (let i = rng.int(0, 5); i > 0; i--) {
    const value = rng.chance(0.2) ? rng.pick(NASTY_STRINGS) : `${rng.pick(PREFIXES)}${rng.pick(VALUES)}`;
    parts.push(`${enc(rng.pick(SEARCH_PARAMS))}${rng.pick(MODIFIERS)}=${enc(value)}`);
  }
  if (rng.chance(0.05)) parts.push('%zz=%', '&&', '=x');
  return parts.length ? `?${parts.join('&')}` : '';
}

const json = (v: unknown) => JSON.stringify(v);

/** A body: valid, or mutated structurally or textually. */
function body(rng: Random, value: unknown): { payload: string; mutated: boolean } {
  const r = rng.next();
  if (r < 0.3) return { payload: json(value), mutated: false };
  if (r < 0.75) return { payload: json(mutateValue(rng, value).value), mutated: true };
  return { payload: mutateText(rng, json(value)).text, mutated: true };
}

const id = (rng: Random, known: Known, type: string) =>
  rng.chance(0.5)
    ? (known.any(rng, type)?.split('/')[1] ?? 'missing')
    : rng.chance(0.5)
      ? rng.pick(BAD_IDS)
      : `r${rng.int(0, 999)}`;

/** The next request: a weighted mix of FHIR writes, transactions, reads, searches and /api calls. */
export function nextRequest(rng: Random, known: Known): FuzzRequest {
  const pick = rng.next();
  const patient = known.any(rng, 'Patient');
  if (pick < 0.2) {
    const { payload, mutated } = body(rng, validPatient(rng));
    return withContentType(rng, {
      kind: 'create Patient',
      method: 'POST',
      url: '/fhir/Patient',
      payload,
      mutated,
      transaction: false,
    });
  }
  if (pick < 0.32) {
    const { payload, mutated } = body(rng, validObservation(rng, patient ?? 'Patient/none'));
    return withContentType(rng, {
      kind: 'create Observation',
      method: 'POST',
      url: '/fhir/Observation',
      payload,
      mutated,
      transaction: false,
    });
  }
  if (pick < 0.5) {
    const { payload, mutated } = body(rng, validTransaction(rng, patient));
    return withContentType(rng, {
      kind: 'transaction',
      method: 'POST',
      url: '/fhir',
      payload,
      mutated,
      transaction: true,
    });
  }
  if (pick < 0.58) {
    const target = rng.chance(0.7) && patient ? patient.split('/')[1]! : rng.pick(BAD_IDS);
    const { payload, mutated } = body(rng, {
      ...validPatient(rng),
      id: rng.chance(0.9) ? decodeSafe(target) : 'other',
    });
    return withContentType(rng, {
      kind: 'update Patient',
      method: 'PUT',
      url: `/fhir/Patient/${target}`,
      payload,
      mutated,
      transaction: false,
    });
  }
  if (pick < 0.62) {
    const type = rng.pick(['Patient', 'Observation']);
    return {
      kind: 'delete',
      method: 'DELETE',
      url: `/fhir/${type}/${id(rng, known, type)}`,
      mutated: false,
      transaction: false,
    };
  }
  if (pick < 0.82) {
    const type = rng.pick(TYPES);
    const tail = rng.pick([
      '',
      '',
      '',
      `/${id(rng, known, type)}`,
      `/${id(rng, known, type)}/_history`,
      '/_history',
      `/${id(rng, known, type)}/_history/${rng.pick(['1', '0', '-1', 'x', '99'])}`,
    ]);
    return {
      kind: 'read/search',
      method: 'GET',
      url: `/fhir/${type}${tail}${queryString(rng)}`,
      mutated: true,
      transaction: false,
    };
  }
  if (pick < 0.85) {
    const form = queryString(rng).slice(1);
    return {
      kind: 'POST _search',
      method: 'POST',
      url: `/fhir/${rng.pick(TYPES)}/_search`,
      contentType: 'application/x-www-form-urlencoded',
      payload: form,
      mutated: true,
      transaction: false,
    };
  }
  return apiRequest(rng, known);
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function withContentType(rng: Random, r: FuzzRequest): FuzzRequest {
  if (rng.chance(0.08)) return { ...r, contentType: rng.pick(CONTENT_TYPES), mutated: true };
  return { ...r, contentType: rng.chance(0.5) ? 'application/fhir+json' : 'application/json' };
}

function apiRequest(rng: Random, known: Known): FuzzRequest {
  const pid = known.any(rng, 'Patient')?.split('/')[1] ?? rng.pick(BAD_IDS);
  const some = rng.chance(0.5) ? pid : rng.pick(BAD_IDS);
  const urls = [
    `/api/patients${queryString(rng)}`,
    `/api/patients?q=${enc(rng.pick(NASTY_STRINGS))}&_count=${rng.pick(['1', '0', '-5', '100000', 'x'])}`,
    `/api/patients/${some}/summary?locale=${rng.pick(['en', 'zh-CN', 'xx', ''])}`,
    `/api/worklist?kind=${rng.pick(['urgent-finding', 'bogus', '', 'follow-up-due,awaiting-sign-off'])}&sort=${rng.pick(['date', '-date', 'x'])}&_offset=${rng.pick(['0', '-1', '1e9'])}`,
    `/api/reports/${some}`,
    `/api/reports/${some}/review`,
    `/api/reports/${some}/print?audience=${rng.pick(['physician', 'person', 'x'])}&format=${rng.pick(['html', 'pdf', 'exe'])}`,
    `/api/scores`,
    `/api/export?deidentify=${rng.pick(['true', 'false', 'maybe'])}&types=${rng.pick(['Patient', 'Nonsense', ''])}`,
    `/api/audit${queryString(rng)}`,
  ];
  if (rng.chance(0.3)) {
    const target = rng.pick([
      `/api/scores/${rng.pick(['qrisk3', 'framingham', 'news2', 'nope', '..%2F'])}`,
      `/api/reports/${some}/sign`,
      `/api/reports/${some}/findings`,
      `/api/checkups/${rng.pick(BAD_IDS)}/interpret`,
    ]);
    const { payload, mutated } = body(rng, {
      age: rng.int(-5, 130),
      sex: 'female',
      systolic: 120,
      reason: rng.pick(NASTY_STRINGS),
      inputs: { x: 1 },
    });
    return withContentType(rng, {
      kind: 'api POST',
      method: 'POST',
      url: target,
      payload,
      mutated,
      transaction: false,
    });
  }
  const url = rng.pick(urls);
  return {
    kind: `api GET ${url.split('?')[0]!.split('/').slice(0, 3).join('/')}`,
    method: rng.chance(0.05) ? 'PATCH' : 'GET',
    url,
    mutated: true,
    transaction: false,
  };
}
