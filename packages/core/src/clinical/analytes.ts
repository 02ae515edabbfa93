import type { Citation } from './source';

/**
 * Molar masses of analytes reported both as mass and as substance concentration, keyed by LOINC code, so a
 * result in mmol/L can be compared with one in mg/dL. Each LOINC code names the analyte; the mass does not
 * depend on which of its units a code carries.
 */
export interface Analyte {
  readonly name: string;
  /** g/mol */
  readonly molarMass: number;
  readonly loinc: readonly string[];
  readonly source: Citation;
}

const PUBCHEM = (cid: number, name: string): Citation => ({
  citation: `PubChem Compound Summary for CID ${cid}, ${name}. National Center for Biotechnology Information.`,
  url: `https://pubchem.ncbi.nlm.nih.gov/compound/${cid}`,
});

export const ANALYTES: readonly Analyte[] = [
  {
    name: 'cholesterol',
    molarMass: 386.65,
    // total, HDL, LDL (measured and calculated), non-HDL: all cholesterol, in mass and in substance units
    loinc: [
      '2093-3',
      '14647-2',
      '2085-9',
      '14646-4',
      '18262-6',
      '13457-7',
      '2089-1',
      '22748-8',
      '39469-2',
      '43396-1',
      '69419-0',
    ],
    source: PUBCHEM(5997, 'Cholesterol'),
  },
  {
    name: 'glucose',
    molarMass: 180.16,
    loinc: ['2345-7', '14749-6', '2339-0', '15074-8', '1558-6', '14771-0', '1547-9', '2340-8'],
    source: PUBCHEM(5793, 'D-Glucose'),
  },
  {
    name: 'creatinine',
    molarMass: 113.12,
    loinc: ['2160-0', '14682-9', '38483-4', '2161-8', '14683-7'],
    source: PUBCHEM(588, 'Creatinine'),
  },
  {
    name: 'uric acid',
    molarMass: 168.11,
    loinc: ['3084-1', '14933-6'],
    source: PUBCHEM(1175, 'Uric acid'),
  },
  {
    // Laboratories convert triglycerides with the mass of triolein (885.7 g/mol; factor 0.01129 mmol/L per mg/dL).
    name: 'triglycerides',
    molarMass: 885.7,
    loinc: ['2571-8', '14927-8'],
    source: PUBCHEM(5497163, 'Triolein'),
  },
  {
    name: 'urea nitrogen',
    molarMass: 28.014,
    loinc: ['3094-0', '14937-7', '6299-2'],
    source: {
      citation: 'Urea nitrogen counted as N2 (2 × 14.007 g/mol); IUPAC standard atomic weights.',
      url: 'https://iupac.qmul.ac.uk/AtWt/',
    },
  },
];

const BY_LOINC = new Map<string, Analyte>(ANALYTES.flatMap((a) => a.loinc.map((code) => [code, a] as const)));

/** The analyte a LOINC code measures, when it has a molar mass on file. */
export function analyteForLoinc(code: string): Analyte | undefined {
  return BY_LOINC.get(code);
}
