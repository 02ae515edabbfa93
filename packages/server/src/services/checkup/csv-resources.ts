import type { Encounter, Observation, Patient } from '@medplum/fhirtypes';
import { stableId } from '../import/stable-id';
import type { CheckedRow } from './csv-row-check';
import { CHECKUP_URI } from './systems';

/** One checkup in a CSV: one person on one date, its rows in file order. */
export interface CsvCheckup {
  readonly personId: string;
  readonly date: string;
  readonly rows: readonly CheckedRow[];
}

/** The Patient a CSV person becomes when no Patient has their identifier yet. */
export function csvPatient(row: CheckedRow, idSystem: string): Patient {
  const p = row.person;
  return {
    resourceType: 'Patient',
    id: stableId(`checkup-csv|patient|${idSystem}|${p.id}`),
    identifier: [{ system: idSystem, value: p.id }],
    ...(p.name ? { name: [{ text: p.name }] } : {}),
    gender: p.gender,
    ...(p.birthDate ? { birthDate: p.birthDate } : {}),
  };
}

/** The checkup visit (Encounter) of a person on a date: the same id on every import of the same file. */
export function csvEncounter(checkup: CsvCheckup, patientId: string, idSystem: string): Encounter {
  return {
    resourceType: 'Encounter',
    id: stableId(`checkup-csv|encounter|${idSystem}|${checkup.personId}|${checkup.date}`),
    identifier: [{ system: CHECKUP_URI.visit, value: `${checkup.personId}/${checkup.date}` }],
    status: 'finished',
    class: { system: CHECKUP_URI.actCode, code: 'AMB', display: 'ambulatory' },
    type: [
      {
        coding: [{ system: CHECKUP_URI.snomed, code: '185349003', display: 'Encounter for check up' }],
        text: 'Health checkup',
      },
    ],
    subject: { reference: `Patient/${patientId}` },
    period: { start: checkup.date, end: checkup.date },
  };
}

/** One result row as an Observation: LOINC (when mapped) and the local code, the value, the lab's range. */
export function csvObservation(row: CheckedRow, encounter: Encounter, patientId: string): Observation {
  const item = row.item;
  const category = item?.category ?? 'laboratory';
  return {
    resourceType: 'Observation',
    id: stableId(`checkup-csv|observation|${encounter.id ?? ''}|${row.localCode}`),
    status: 'final',
    category: [{ coding: [{ system: CHECKUP_URI.observationCategory, code: category }] }],
    code: {
      coding: [
        ...(item ? [{ system: CHECKUP_URI.loinc, code: item.loinc, display: item.display }] : []),
        { system: CHECKUP_URI.localItem, code: row.localCode, display: row.localName },
      ],
      text: row.localName,
    },
    subject: { reference: `Patient/${patientId}` },
    encounter: { reference: `Encounter/${encounter.id ?? ''}` },
    effectiveDateTime: row.date,
    ...row.value,
    ...(row.referenceRange ? { referenceRange: [row.referenceRange] } : {}),
  };
}
