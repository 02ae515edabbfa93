import type { Resource } from '@medplum/fhirtypes';
import { isFhirDate, shiftDate, yearOf } from './date-shift';
import type { DeidentifyKeys } from './keys';
import { FREE_TEXT_ELEMENTS, keepExtension, NAMED_TYPES, REMOVED_ELEMENTS, RESTRICTED_ZIP3 } from './safe-harbor';

/** What one resource is de-identified with. */
export interface DeidentifyInput {
  readonly keys: DeidentifyKeys;
  /** The id of the Patient the resource belongs to (its compartment); absent for shared resources. */
  readonly patientId?: string | null | undefined;
  /** "Now" of the export: ages are computed at this instant (ages over 89 are aggregated). */
  readonly now: Date;
}

type Json = unknown;
type Obj = Record<string, Json>;

const isObj = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const US = new Set(['US', 'USA', 'UNITED STATES', 'UNITED STATES OF AMERICA']);
const RELATIVE_REF = /^(?:.*\/)?([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;
/** Choice elements of free-text types (valueString, onsetString, valueMarkdown…). */
const FREE_TEXT_CHOICE = /^[a-z][A-Za-z]*(String|Markdown)$/;
/** Keys whose string values are codes, URIs or versions, never dates to shift. */
const NOT_DATES = new Set(['code', 'system', 'version', 'versionId', 'url', 'reference', 'id', 'value', 'unit']);

/** Whether an object is a HumanName (has name parts and nothing a CodeableConcept or Reference would have). */
const isHumanName = (o: Obj) => 'family' in o || 'given' in o || 'prefix' in o || 'suffix' in o;

/**
 * De-identifies one resource following the Safe Harbor table in `safe-harbor.ts`: names, contact details, photos,
 * documents and free text removed; identifiers, ids and references replaced by keyed pseudonyms; addresses cut to
 * state/country (+ US ZIP3); dates shifted by one offset per patient; birthDate reduced to a year, 90+ aggregated.
 * Pure: the same input, keys and `now` give the same output.
 */
export function deidentify<T extends Resource>(resource: T, input: DeidentifyInput): T {
  const walker = new Walker(input.keys, input.keys.dateOffset(patientKey(resource, input.patientId)));
  const out = walker.resource(resource as unknown as Obj);
  if (resource.resourceType === 'Patient' && typeof out.birthDate === 'string') {
    out.birthDate = birthYear(resource as unknown as Obj, out.birthDate, input.now);
  }
  return out as unknown as T;
}

/** Whose dates these are: the stored compartment, else the Patient the resource is about, else itself. */
function patientKey(resource: Resource, patientId: string | null | undefined): string {
  if (patientId) return `Patient/${patientId}`;
  if (resource.resourceType === 'Patient') return `Patient/${resource.id ?? ''}`;
  const r = resource as unknown as Obj;
  for (const key of ['subject', 'patient']) {
    const ref = isObj(r[key]) ? r[key].reference : undefined;
    const m = typeof ref === 'string' ? /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})$/.exec(ref) : null;
    if (m) return `Patient/${m[1]!}`;
  }
  return `${resource.resourceType}/${resource.id ?? ''}`;
}

/** Year of the (shifted) birth date; for someone 90 or older at `now`, the year that reads as exactly 90. */
function birthYear(original: Obj, shifted: string, now: Date): string {
  const birth = String(original.birthDate);
  const [y, m = '01', d = '01'] = birth.split('-');
  const nowYear = now.getUTCFullYear();
  const hadBirthday = `${pad2(now.getUTCMonth() + 1)}-${pad2(now.getUTCDate())}` >= `${m}-${d}`;
  const age = nowYear - Number(y) - (hadBirthday ? 0 : 1);
  return String(age >= 90 ? nowYear - 90 : yearOf(shifted)).padStart(4, '0');
}

const pad2 = (n: number) => String(n).padStart(2, '0');

class Walker {
  constructor(
    private readonly keys: DeidentifyKeys,
    private readonly offset: number,
  ) {}

  resource(r: Obj): Obj {
    const type = String(r.resourceType);
    const out = this.object(r, type);
    if (typeof r.id === 'string') out.id = this.keys.pseudonym('id', `${type}/${r.id}`);
    if (NAMED_TYPES.has(type)) delete out.name;
    if (isObj(out.meta)) delete out.meta.source;
    return out;
  }

  /** A contained resource keeps its local id: `#id` references inside the container point at it. */
  private contained(r: Obj): Obj {
    const type = String(r.resourceType);
    const out = this.object(r, type);
    if (NAMED_TYPES.has(type)) delete out.name;
    return out;
  }

  private object(o: Obj, type: string): Obj {
    const out: Obj = {};
    for (const [key, value] of Object.entries(o)) {
      if (REMOVED_ELEMENTS.has(key) || FREE_TEXT_ELEMENTS.has(key) || FREE_TEXT_CHOICE.test(key)) continue;
      const kept = this.element(key, value, o, type);
      if (kept !== undefined) out[key] = kept;
    }
    return out;
  }

  private element(key: string, value: Json, parent: Obj, type: string): Json {
    if (key === 'text') return typeof value === 'string' && Array.isArray(parent.coding) ? value : undefined;
    if (key === 'display') return 'code' in parent || 'system' in parent ? value : undefined;
    if (key === 'identifier') return this.identifiers(value);
    if (key === 'address' || key === 'valueAddress') return this.each(value, (a) => address(a));
    if (key === 'reference' && typeof value === 'string') return this.reference(value);
    if (key === 'extension' || key === 'modifierExtension') return this.extensions(value, type);
    if (key === 'contained') return this.each(value, (r) => this.contained(r));
    if (typeof value === 'string')
      return NOT_DATES.has(key) || !isFhirDate(value) ? value : shiftDate(value, this.offset);
    if (Array.isArray(value)) {
      const items = value.map((v) => this.element(key, v, parent, type)).filter((v) => v !== undefined);
      return items.length > 0 ? items : undefined;
    }
    if (isObj(value)) {
      if (isHumanName(value)) return undefined;
      const cleaned = this.object(value, type);
      return Object.keys(cleaned).length > 0 ? cleaned : undefined;
    }
    return value;
  }

  private each(value: Json, fn: (o: Obj) => Obj | undefined): Json {
    const list = (Array.isArray(value) ? value : [value])
      .filter(isObj)
      .map(fn)
      .filter((v) => v !== undefined);
    if (!Array.isArray(value)) return list[0];
    return list.length > 0 ? list : undefined;
  }

  /** Identifier: the value becomes a keyed pseudonym of system|value; system, period and assigner go. */
  private identifiers(value: Json): Json {
    return this.each(value, (id) => {
      if (typeof id.value !== 'string') return undefined;
      const out: Obj = {
        system: 'urn:careloop:deidentified',
        value: this.keys.pseudonym('identifier', `${typeof id.system === 'string' ? id.system : ''}|${id.value}`),
      };
      if (typeof id.use === 'string') out.use = id.use;
      if (isObj(id.type) && Array.isArray(id.type.coding)) out.type = { coding: id.type.coding };
      return out;
    });
  }

  /** `Type/id` and absolute references become `Type/<pseudonym>`; local `#x` stays; anything else is dropped. */
  private reference(ref: string): string | undefined {
    if (ref.startsWith('#')) return ref;
    const m = RELATIVE_REF.exec(ref);
    if (!m) return undefined;
    return `${m[1]!}/${this.keys.pseudonym('id', `${m[1]!}/${m[2]!}`)}`;
  }

  private extensions(value: Json, type: string): Json {
    return this.each(value, (e) => {
      const url = typeof e.url === 'string' ? e.url : '';
      if (url.includes(':') && !keepExtension(url)) return undefined;
      const out = this.object(e, type);
      return Object.keys(out).some((k) => k !== 'url') ? out : undefined;
    });
  }
}

/** Address: state and country only, plus the first three digits of a US ZIP code (000 where restricted). */
function address(a: Obj): Obj | undefined {
  const out: Obj = {};
  if (typeof a.use === 'string') out.use = a.use;
  if (typeof a.state === 'string') out.state = a.state;
  if (typeof a.country === 'string') out.country = a.country;
  const country = typeof a.country === 'string' ? a.country.trim().toUpperCase() : '';
  if (US.has(country) && typeof a.postalCode === 'string') {
    const zip3 = /^(\d{3})\d{2}(?:-\d{4})?$/.exec(a.postalCode.trim())?.[1];
    if (zip3) out.postalCode = RESTRICTED_ZIP3.has(zip3) ? '000' : zip3;
  }
  return out.state || out.country || out.postalCode ? out : undefined;
}
