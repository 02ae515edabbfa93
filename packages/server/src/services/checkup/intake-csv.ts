import type { Patient, Resource } from '@medplum/fhirtypes';
import type { Repository } from '../../store/repository';
import { csvEncounter, csvObservation, csvPatient, type CsvCheckup } from './csv-resources';
import { checkRow, type CheckedRow, type RowIssue } from './csv-row-check';
import { readCheckupCsv } from './csv-rows';
import { defaultItemMap, type ItemMap } from './item-map';
import { CHECKUP_URI } from './systems';

/** One checkup written by a CSV import. */
export interface ImportedCheckup {
  readonly encounterId: string;
  readonly patientId: string;
  readonly personId: string;
  readonly date: string;
  readonly observations: number;
}

/** What a CSV import did: checkups written, rows refused (errors) and rows kept with a local code only. */
export interface CsvImportReport {
  readonly rows: number;
  readonly imported: number;
  readonly patientsCreated: number;
  readonly checkups: readonly ImportedCheckup[];
  /** Rows not imported, one entry each, in file order. */
  readonly rejected: readonly RowIssue[];
  /** Rows imported whose item the mapping file does not know. */
  readonly unmapped: readonly RowIssue[];
  /** Set when the file as a whole cannot be read (then nothing imports). */
  readonly fileProblem?: string;
}

export interface CsvImportOptions {
  /** The item mapping (default: packages/server/data/checkup-item-map.json). */
  readonly map?: ItemMap;
  /** Identifier system of the CSV's person id (the centre's own; default CareLoop's). */
  readonly personIdSystem?: string;
}

function groupByCheckup(rows: readonly CheckedRow[], rejected: RowIssue[]): CsvCheckup[] {
  const groups = new Map<string, { personId: string; date: string; rows: CheckedRow[]; codes: Map<string, number> }>();
  for (const row of rows) {
    const key = `${row.person.id}\u0000${row.date}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { personId: row.person.id, date: row.date, rows: [], codes: new Map() }));
    const code = row.localCode.toLowerCase();
    const first = g.codes.get(code);
    if (first !== undefined) {
      rejected.push({
        line: row.line,
        severity: 'error',
        message: `duplicate item ${row.localCode} for ${row.person.id} on ${row.date} (first on line ${String(first)})`,
        personId: row.person.id,
        itemCode: row.localCode,
      });
      continue;
    }
    g.codes.set(code, row.line);
    g.rows.push(row);
  }
  return [...groups.values()];
}

async function findPatient(repo: Repository, system: string, value: string): Promise<Patient[]> {
  return repo.searchResources<Patient>('Patient', { identifier: `${system}|${value}`, _count: '2' });
}

/**
 * Imports a checkup/lab CSV export (one row per result): each person is found by identifier or created, each
 * person + date becomes an Encounter with its Observations, written in one transaction per checkup. Bad rows are
 * reported one by one (line and reason) and the good ones import; unmapped items import with their local code.
 */
export async function importCheckupCsv(
  repo: Repository,
  text: string,
  options: CsvImportOptions = {},
): Promise<CsvImportReport> {
  const map = options.map ?? defaultItemMap();
  const system = options.personIdSystem ?? CHECKUP_URI.personId;
  const read = readCheckupCsv(text);
  const empty = { rows: 0, imported: 0, patientsCreated: 0, checkups: [], rejected: [], unmapped: [] };
  if (!read.ok) return { ...empty, fileProblem: read.reason };
  const rejected: RowIssue[] = [];
  const unmapped: RowIssue[] = [];
  const good: CheckedRow[] = [];
  for (const row of read.rows) {
    const c = checkRow(row, map);
    if (!c.ok) rejected.push(c.issue);
    else {
      good.push(c.row);
      unmapped.push(...c.warnings);
    }
  }
  const checkups: ImportedCheckup[] = [];
  let imported = 0;
  let patientsCreated = 0;
  for (const group of groupByCheckup(good, rejected)) {
    const written = await writeCheckup(repo, group, system, rejected);
    if (!written) continue;
    checkups.push(written.checkup);
    imported += written.checkup.observations;
    if (written.createdPatient) patientsCreated++;
  }
  rejected.sort((a, b) => a.line - b.line);
  const refused = new Set(rejected.map((r) => r.line));
  return {
    rows: read.rows.length,
    imported,
    patientsCreated,
    checkups,
    rejected,
    unmapped: unmapped.filter((u) => !refused.has(u.line)),
  };
}

async function writeCheckup(
  repo: Repository,
  group: CsvCheckup,
  system: string,
  rejected: RowIssue[],
): Promise<{ checkup: ImportedCheckup; createdPatient: boolean } | undefined> {
  const first = group.rows[0]!;
  const refuseAll = (message: string) => {
    for (const r of group.rows)
      rejected.push({ line: r.line, severity: 'error', message, personId: group.personId, itemCode: r.localCode });
  };
  const found = await findPatient(repo, system, group.personId);
  if (found.length > 1) {
    refuseAll(`person id ${group.personId} matches ${String(found.length)} Patients: resolve the duplicate first`);
    return undefined;
  }
  const patient = found[0] ?? csvPatient(first, system);
  const patientId = patient.id!;
  const encounter = csvEncounter(group, patientId, system);
  const head: Resource[] = found[0] ? [encounter] : [patient, encounter];
  const headProblems = head.flatMap((r) => repo.check(r).map((p) => `${r.resourceType}: ${p.message}`));
  if (headProblems.length) {
    refuseAll(headProblems.join('; '));
    return undefined;
  }
  const observations: Resource[] = [];
  for (const row of group.rows) {
    const o = csvObservation(row, encounter, patientId);
    const problems = repo.check(o);
    if (problems.length === 0) observations.push(o);
    else
      rejected.push({
        line: row.line,
        severity: 'error',
        message: problems.map((p) => p.message).join('; '),
        personId: group.personId,
        itemCode: row.localCode,
      });
  }
  if (observations.length === 0) return undefined;
  await repo.upsertMany([...head, ...observations]);
  return {
    checkup: {
      encounterId: encounter.id!,
      patientId,
      personId: group.personId,
      date: group.date,
      observations: observations.length,
    },
    createdPatient: !found[0],
  };
}
