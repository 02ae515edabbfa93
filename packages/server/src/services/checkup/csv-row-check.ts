import type { Observation, ObservationReferenceRange, Patient, Quantity } from '@medplum/fhirtypes';
import { analyteForLoinc } from '@careloop/core/clinical/analytes';
import { convertUnit, isValidUcum } from '@careloop/core/fhir/units';
import { parseCalendarDate } from './csv-dates';
import type { CsvRow } from './csv-rows';
import type { ItemMap, MappedItem } from './item-map';
import { parseReferenceRange, round, toReferenceRange } from './reference-range';

/** One problem with a row: an `error` row is not imported, a `warning` row is (e.g. an unmapped item). */
export interface RowIssue {
  readonly line: number;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly personId?: string;
  readonly itemCode?: string;
}

/** The value part of an Observation. */
export type ObservationValue = Pick<Observation, 'valueQuantity' | 'valueCodeableConcept' | 'valueString'>;

/** A row that can import: who, when, which item (undefined when unmapped), its value and range. */
export interface CheckedRow {
  readonly line: number;
  readonly person: {
    readonly id: string;
    readonly name: string;
    readonly gender: NonNullable<Patient['gender']>;
    readonly birthDate?: string;
  };
  readonly date: string;
  readonly item: MappedItem | undefined;
  readonly localCode: string;
  readonly localName: string;
  readonly value: ObservationValue;
  readonly referenceRange?: ObservationReferenceRange;
}

export type RowCheck = { ok: true; row: CheckedRow; warnings: RowIssue[] } | { ok: false; issue: RowIssue };

const SEX: Readonly<Record<string, NonNullable<Patient['gender']>>> = {
  男: 'male',
  m: 'male',
  male: 'male',
  '1': 'male',
  女: 'female',
  f: 'female',
  female: 'female',
  '2': 'female',
};

const NUMBER = /^(<=|>=|<|>|≤|≥)?\s*(-?\d+(?:\.\d+)?)$/;
const COMPARATOR: Readonly<Record<string, Quantity['comparator']>> = {
  '<': '<',
  '>': '>',
  '<=': '<=',
  '>=': '>=',
  '≤': '<=',
  '≥': '>=',
};

function ucumQuantity(value: number, unit: string, comparator?: Quantity['comparator']): Quantity {
  const coded = unit && isValidUcum(unit);
  return {
    ...(comparator ? { comparator } : {}),
    value: round(value),
    ...(unit ? { unit } : {}),
    ...(coded ? { system: 'http://unitsofmeasure.org', code: unit } : {}),
  };
}

type ValueRead =
  { ok: true; value: ObservationValue; convert: (v: number) => number | undefined } | { ok: false; reason: string };

/** A mapped item's value in the item's unit (converted from the lab's unit when they differ). */
function mappedValue(raw: string, rawUnit: string, item: MappedItem, map: ItemMap): ValueRead {
  if (item.valueType === 'presence') {
    const answer = map.answer(raw);
    if (!answer) return { ok: false, reason: `value "${raw}" is not a positive/negative result for ${item.display}` };
    return { ok: true, value: { valueCodeableConcept: { coding: [answer], text: raw } }, convert: (v) => v };
  }
  const m = NUMBER.exec(raw);
  if (!m) return { ok: false, reason: `value "${raw}" is not a number for ${item.display}` };
  const from = rawUnit ? map.ucum(rawUnit) : item.unit;
  const molarMass = item.molarMass?.value ?? analyteForLoinc(item.loinc)?.molarMass;
  const convert = (v: number): number | undefined => {
    const c = convertUnit(v, from, item.unit, molarMass);
    return c.ok ? c.value : undefined;
  };
  const value = convert(Number(m[2]));
  if (value === undefined)
    return { ok: false, reason: `unit "${rawUnit}" cannot be converted to ${item.unit} for ${item.display}` };
  return { ok: true, value: { valueQuantity: ucumQuantity(value, item.unit, COMPARATOR[m[1] ?? '']) }, convert };
}

/** An unmapped item's value as given: a number with its unit, else the text. */
function unmappedValue(raw: string, rawUnit: string, map: ItemMap): ObservationValue {
  const m = NUMBER.exec(raw);
  if (!m) return { valueString: raw };
  return { valueQuantity: ucumQuantity(Number(m[2]), rawUnit ? map.ucum(rawUnit) : '', COMPARATOR[m[1] ?? '']) };
}

/** Checks one CSV row against the mapping: the row ready to import (with warnings), or why it cannot be. */
export function checkRow(row: CsvRow, map: ItemMap): RowCheck {
  const f = row.fields;
  const fail = (message: string): RowCheck => ({
    ok: false,
    issue: {
      line: row.line,
      severity: 'error',
      message,
      ...(f.personId ? { personId: f.personId } : {}),
      ...(f.itemCode ? { itemCode: f.itemCode } : {}),
    },
  });
  if (!f.personId) return fail('missing person id');
  if (!f.itemCode && !f.itemName) return fail('missing item code and name');
  const date = parseCalendarDate(f.date);
  if (!date.ok) return fail(`checkup date ${date.reason}`);
  let birthDate: string | undefined;
  if (f.birthDate) {
    const b = parseCalendarDate(f.birthDate);
    if (!b.ok) return fail(`birth date ${b.reason}`);
    if (b.date > date.date) return fail(`birth date ${b.date} is after the checkup date ${date.date}`);
    birthDate = b.date;
  }
  if (!f.value) return fail(`missing value for ${f.itemName || f.itemCode}`);
  const raw = f.value.normalize('NFKC').trim();
  const item = map.find(f.itemCode, f.itemName);
  const warnings: RowIssue[] = [];
  let value: ObservationValue;
  let convert: (v: number) => number | undefined = (v) => v;
  let unit = f.unit ? map.ucum(f.unit) : '';
  if (item) {
    const read = mappedValue(raw, f.unit, item, map);
    if (!read.ok) return fail(read.reason);
    value = read.value;
    convert = read.convert;
    unit = item.unit;
  } else {
    value = unmappedValue(raw, f.unit, map);
    const label = [f.itemCode, f.itemName].filter(Boolean).join(' ');
    warnings.push({
      line: row.line,
      severity: 'warning',
      message: `item "${label}" is not in the mapping file: kept with its local code only`,
      personId: f.personId,
      ...(f.itemCode ? { itemCode: f.itemCode } : {}),
    });
  }
  const range = parseReferenceRange(f.referenceRange);
  return {
    ok: true,
    warnings,
    row: {
      line: row.line,
      person: {
        id: f.personId,
        name: f.name,
        gender: SEX[f.sex.trim().toLowerCase()] ?? 'unknown',
        ...(birthDate ? { birthDate } : {}),
      },
      date: date.date,
      item,
      localCode: f.itemCode || f.itemName,
      localName: f.itemName || f.itemCode,
      value,
      ...(range ? { referenceRange: toReferenceRange(range, unit, convert) } : {}),
    },
  };
}
