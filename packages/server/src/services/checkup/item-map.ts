import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Coding } from '@medplum/fhirtypes';
import type { Citation } from '@careloop/core/clinical/source';

/** Where the mapping file lives (data, not code: edit it to add a centre's local codes). */
export const ITEM_MAP_PATH = join(import.meta.dirname, '../../../data/checkup-item-map.json');

const citation = z.object({ citation: z.string(), doi: z.string().optional(), url: z.string().optional() });

const itemSchema = z.object({
  key: z.string(),
  loinc: z.string().regex(/^\d{1,7}-\d$/),
  display: z.string(),
  /** UCUM unit the value is stored in ('' for a presence/absence result). */
  unit: z.string(),
  valueType: z.enum(['quantity', 'presence']),
  category: z.enum(['laboratory', 'vital-signs']),
  codes: z.array(z.string()),
  names: z.object({ 'zh-CN': z.array(z.string()), en: z.array(z.string()) }),
  /** For unit conversions the LOINC code alone does not settle (e.g. mg/mmol ⇄ mg/g counts creatinine). */
  molarMass: z.object({ value: z.number().positive(), of: z.string(), source: citation }).optional(),
  source: citation,
});

const answerSchema = z.object({
  system: z.string(),
  code: z.string(),
  display: z.string(),
  texts: z.array(z.string()),
});

const mapSchema = z.object({
  id: z.string(),
  version: z.string(),
  description: z.string(),
  source: citation,
  unitAliases: z.record(z.string(), z.string()),
  answers: z.object({ positive: answerSchema, negative: answerSchema }),
  items: z.array(itemSchema),
});

/** One mapped checkup item. */
export type MappedItem = z.infer<typeof itemSchema>;
export type ItemMapFile = z.infer<typeof mapSchema>;

/** A local item code or name, normalised for lookup: case, spaces and full-width brackets ignored. */
export function normaliseKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** The loaded mapping: look items up by local code or name, units by alias, presence answers by text. */
export class ItemMap {
  private readonly byKey = new Map<string, MappedItem>();
  private readonly answers = new Map<string, Coding>();

  constructor(readonly file: ItemMapFile) {
    for (const item of file.items) {
      for (const k of [...item.codes, ...item.names['zh-CN'], ...item.names.en]) this.byKey.set(normaliseKey(k), item);
    }
    for (const a of [file.answers.positive, file.answers.negative]) {
      for (const t of a.texts)
        this.answers.set(normaliseKey(t), { system: a.system, code: a.code, display: a.display });
    }
  }

  get source(): Citation {
    return this.file.source;
  }

  /** The item for a local code, else for its name; undefined when unmapped. */
  find(code: string, name = ''): MappedItem | undefined {
    return this.byKey.get(normaliseKey(code)) ?? (name ? this.byKey.get(normaliseKey(name)) : undefined);
  }

  /** The UCUM spelling of a unit as labs write it (`mmol/l`, `μmol/L`, `mmHg`, `×10^9/L` …). */
  ucum(unit: string): string {
    const trimmed = unit.trim();
    return this.file.unitAliases[normaliseKey(trimmed)] ?? trimmed;
  }

  /** The coded answer of a presence result (阳性/阴性, positive/negative, +/-), or undefined. */
  answer(text: string): Coding | undefined {
    return this.answers.get(normaliseKey(text));
  }
}

/** Parses and checks a mapping document (throws with the zod issues when it is malformed). */
export function parseItemMap(json: unknown): ItemMap {
  return new ItemMap(mapSchema.parse(json));
}

let cached: ItemMap | undefined;

/** The mapping file shipped with the server, loaded once. */
export function defaultItemMap(): ItemMap {
  cached ??= parseItemMap(JSON.parse(readFileSync(ITEM_MAP_PATH, 'utf8')));
  return cached;
}
