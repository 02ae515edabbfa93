import type { Citation } from '../../source';

/**
 * Drug classes a score asks about. A medication belongs to a class when one of its codings is an ATC code under one
 * of the class's prefixes, an RxNorm ingredient RxCUI of the class, or an RxNorm coding (or the concept's text)
 * naming one of the ingredients: RxNorm clinical drugs (SCD, e.g. 314076 "lisinopril 10 MG Oral Tablet", which
 * Synthea records) name their ingredients, and their many RxCUIs cannot all be listed here.
 */
export interface MedicationClass {
  readonly label: string;
  readonly atcPrefixes: readonly string[];
  /** RxNorm ingredient (TTY=IN) RxCUI → ingredient name. */
  readonly rxnormIngredients: Readonly<Record<string, string>>;
  readonly source: readonly Citation[];
}

export const ATC_SYSTEM = 'http://www.whocc.no/atc';
export const RXNORM_SYSTEM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

const ATC: Citation = {
  citation: 'WHO Collaborating Centre for Drug Statistics Methodology. ATC/DDD Index.',
  url: 'https://atcddd.fhi.no/atc_ddd_index/',
};
const RXNORM: Citation = {
  citation: 'U.S. National Library of Medicine. RxNorm, ingredient concepts (TTY=IN) as listed by RxNav.',
  url: 'https://mor.nlm.nih.gov/RxNav/',
};

export const MEDICATION_CLASSES = {
  antihypertensive: {
    label: 'antihypertensive',
    // C02 antihypertensives, C03 diuretics, C07 beta blockers, C08 calcium channel blockers, C09 renin–angiotensin.
    atcPrefixes: ['C02', 'C03', 'C07', 'C08', 'C09'],
    rxnormIngredients: {
      '17767': 'amlodipine',
      '7417': 'nifedipine',
      '3443': 'diltiazem',
      '11170': 'verapamil',
      '29046': 'lisinopril',
      '3827': 'enalapril',
      '35296': 'ramipril',
      '1998': 'captopril',
      '52175': 'losartan',
      '69749': 'valsartan',
      '5487': 'hydrochlorothiazide',
      '2409': 'chlorthalidone',
      '4603': 'furosemide',
      '9997': 'spironolactone',
      '6918': 'metoprolol',
      '1202': 'atenolol',
      '19484': 'bisoprolol',
      '20352': 'carvedilol',
      '8787': 'propranolol',
      '6185': 'labetalol',
      '5470': 'hydralazine',
    },
    source: [ATC, RXNORM],
  },
  antiplateletOrNsaid: {
    label: 'antiplatelet drug or NSAID',
    // B01AC platelet aggregation inhibitors excl. heparin; M01A non-steroidal anti-inflammatory products.
    atcPrefixes: ['B01AC', 'M01A'],
    rxnormIngredients: {
      '1191': 'aspirin',
      '32968': 'clopidogrel',
      '5640': 'ibuprofen',
      '7258': 'naproxen',
      '3355': 'diclofenac',
      '140587': 'celecoxib',
    },
    source: [ATC, RXNORM],
  },
} as const satisfies Readonly<Record<string, MedicationClass>>;

export type MedicationClassName = keyof typeof MEDICATION_CLASSES;
