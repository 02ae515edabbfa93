import { parse } from 'csv-parse/sync';
import { normaliseKey } from './item-map';

/** The columns of a checkup/lab result export, one row per result. */
export const CSV_FIELDS = [
  'personId',
  'name',
  'sex',
  'birthDate',
  'itemCode',
  'itemName',
  'value',
  'unit',
  'referenceRange',
  'date',
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/** Header spellings seen in Chinese and English exports, per field (matched ignoring case and spaces). */
export const HEADER_ALIASES: Readonly<Record<CsvField, readonly string[]>> = {
  personId: [
    'person_id',
    'personid',
    'person id',
    'patient_id',
    'patientid',
    'pid',
    '体检号',
    '人员编号',
    '档案号',
    '编号',
  ],
  name: ['name', 'person_name', 'patient_name', '姓名'],
  sex: ['sex', 'gender', '性别'],
  birthDate: ['birth_date', 'birthdate', 'dob', 'date_of_birth', '出生日期'],
  itemCode: ['item_code', 'itemcode', 'code', 'test_code', '项目代码', '项目编码', '项目编号'],
  itemName: ['item_name', 'itemname', 'test_name', '项目名称', '项目'],
  value: ['value', 'result', '结果', '检测值', '结果值'],
  unit: ['unit', 'units', '单位'],
  referenceRange: ['reference_range', 'ref_range', 'range', 'reference', '参考范围', '参考值', '参考区间'],
  date: ['date', 'checkup_date', 'exam_date', 'result_date', '体检日期', '检查日期', '日期'],
};

/** One data row: the fields found (empty string when absent) and its line in the file (header = line 1). */
export interface CsvRow {
  readonly line: number;
  readonly fields: Readonly<Record<CsvField, string>>;
}

export type CsvRead = { ok: true; rows: CsvRow[] } | { ok: false; reason: string };

const BY_ALIAS = new Map<string, CsvField>(
  CSV_FIELDS.flatMap((f) => HEADER_ALIASES[f].map((a) => [normaliseKey(a), f] as const)),
);

/** Required to tell a result apart: without them no row can import. */
const REQUIRED: readonly CsvField[] = ['personId', 'value', 'date'];

/** Reads a CSV export into rows keyed by field; a file without the required columns is refused as a whole. */
export function readCheckupCsv(text: string): CsvRead {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
      info: true,
    }) as unknown as typeof records;
  } catch (e) {
    return { ok: false, reason: `not a readable CSV file: ${(e as Error).message}` };
  }
  const [header, ...data] = records;
  if (!header) return { ok: false, reason: 'the file is empty' };
  const columns = header.record.map((h) => BY_ALIAS.get(normaliseKey(h)));
  const missing = REQUIRED.filter((f) => !columns.includes(f));
  if (!columns.includes('itemCode') && !columns.includes('itemName')) missing.push('itemCode');
  if (missing.length)
    return { ok: false, reason: `missing column(s): ${missing.join(', ')} (header: ${header.record.join(', ')})` };
  const rows = data.map(({ record, info }) => {
    const fields = Object.fromEntries(CSV_FIELDS.map((f) => [f, ''])) as Record<CsvField, string>;
    columns.forEach((field, c) => {
      if (field && !fields[field]) fields[field] = record[c] ?? '';
    });
    return { line: info.lines, fields };
  });
  return { ok: true, rows };
}
