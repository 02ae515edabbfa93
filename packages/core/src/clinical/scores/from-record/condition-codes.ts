import type { Citation } from '../../source';

/**
 * Which coded Conditions mean a disease a score asks about. ICD-10 (WHO) and ICD-10-CM codes match by prefix on the
 * code without its dot (so `E11.9`, `E119` and `E11.900` of the Chinese clinical edition all match `E11`); SNOMED CT
 * codes match exactly. Without a terminology server SNOMED descendants are not expanded: the lists hold the concept
 * itself and the codes Synthea and common EHRs record for it.
 */
export interface ConditionGroup {
  readonly label: string;
  /** ICD-10 / ICD-10-CM code prefixes (no dot). */
  readonly icd10: readonly string[];
  /** Prefixes excluded even though an `icd10` prefix matches. */
  readonly icd10Exclude?: readonly string[];
  readonly snomed: Readonly<Record<string, string>>;
  /**
   * `active`: the Condition must be active (or recurrent/relapsed) at `asOf`.
   * `history`: any Condition that is not refuted or entered in error counts ("prior stroke", "prior MI").
   */
  readonly mode: 'active' | 'history';
  readonly source: readonly Citation[];
}

const ICD10: Citation = {
  citation: 'WHO. International Statistical Classification of Diseases, 10th revision (ICD-10), 2019 edition.',
  url: 'https://icd.who.int/browse10/2019/en',
};
const ICD10CM: Citation = {
  citation: 'CDC/NCHS. ICD-10-CM, International Classification of Diseases, Tenth Revision, Clinical Modification.',
  url: 'https://www.cdc.gov/nchs/icd/icd-10-cm/',
};
const SNOMED: Citation = {
  citation: 'SNOMED CT International Edition (SNOMED International); concept ids as recorded by Synthea.',
  url: 'https://browser.ihtsdotools.org/',
};

export const CONDITION_GROUPS = {
  diabetes: {
    label: 'diabetes mellitus',
    // E10–E14 (WHO: type 1, type 2, malnutrition-related, other, unspecified); E08, E09 (ICD-10-CM: due to an
    // underlying condition, drug-induced). Gestational diabetes (O24) and prediabetes (R73) are not diabetes here.
    icd10: ['E08', 'E09', 'E10', 'E11', 'E12', 'E13', 'E14'],
    snomed: {
      '73211009': 'Diabetes mellitus',
      '44054006': 'Diabetes mellitus type 2',
      '46635009': 'Diabetes mellitus type 1',
      '127013003': 'Disorder of kidney due to diabetes mellitus',
      '90781000119102': 'Microalbuminuria due to type 2 diabetes mellitus',
      '157141000119108': 'Proteinuria due to type 2 diabetes mellitus',
      '368581000119106': 'Neuropathy due to type 2 diabetes mellitus',
      '1551000119108': 'Nonproliferative retinopathy due to type 2 diabetes mellitus',
      '422034002': 'Retinopathy due to type 2 diabetes mellitus',
    },
    mode: 'active',
    source: [ICD10, ICD10CM, SNOMED],
  },
  hypertension: {
    label: 'hypertension',
    // I10–I15 hypertensive diseases; I16 hypertensive crisis (ICD-10-CM).
    icd10: ['I10', 'I11', 'I12', 'I13', 'I15', 'I16'],
    snomed: {
      '38341003': 'Hypertensive disorder, systemic arterial',
      '59621000': 'Essential hypertension',
      '1201005': 'Benign essential hypertension',
    },
    mode: 'history',
    source: [ICD10, ICD10CM, SNOMED],
  },
  heartFailure: {
    label: 'heart failure',
    // I50 heart failure; I11.0, I13.0, I13.2 hypertensive (renal) heart disease with heart failure.
    icd10: ['I50', 'I110', 'I130', 'I132'],
    snomed: {
      '84114007': 'Heart failure',
      '42343007': 'Congestive heart failure',
      '88805009': 'Chronic congestive heart failure',
      '85232009': 'Left heart failure',
    },
    mode: 'history',
    source: [ICD10, ICD10CM, SNOMED],
  },
  strokeTiaThromboembolism: {
    label: 'stroke, transient ischaemic attack or systemic thromboembolism',
    // I63 cerebral infarction, I64 stroke NOS (WHO), G45 TIA (not G45.4 transient global amnesia), I69.3/I69.4
    // sequelae of stroke, I74 arterial embolism and thrombosis, Z86.73 personal history of TIA/infarction (CM).
    icd10: ['I63', 'I64', 'G45', 'I693', 'I694', 'I74', 'Z8673'],
    icd10Exclude: ['G454'],
    snomed: {
      '230690007': 'Cerebrovascular accident',
      '422504002': 'Ischemic stroke',
      '432504007': 'Cerebral infarction',
      '266257000': 'Transient ischemic attack',
    },
    mode: 'history',
    source: [ICD10, ICD10CM, SNOMED],
  },
  stroke: {
    label: 'stroke (ischaemic or haemorrhagic)',
    // HAS-BLED "S": prior stroke of any kind (I60–I64), or its sequelae (I69).
    icd10: ['I60', 'I61', 'I62', 'I63', 'I64', 'I69'],
    snomed: {
      '230690007': 'Cerebrovascular accident',
      '422504002': 'Ischemic stroke',
      '432504007': 'Cerebral infarction',
      '274100004': 'Cerebral hemorrhage',
    },
    mode: 'history',
    source: [ICD10, ICD10CM, SNOMED],
  },
  vascularDisease: {
    label: 'vascular disease (prior myocardial infarction, peripheral arterial disease, aortic plaque)',
    // I21/I22 myocardial infarction, I25.2 old MI, I70 atherosclerosis (incl. aorta and limb arteries), I73.9 PVD.
    icd10: ['I21', 'I22', 'I252', 'I70', 'I739'],
    snomed: {
      '22298006': 'Myocardial infarction',
      '399211009': 'History of myocardial infarction',
      '401303003': 'Acute ST segment elevation myocardial infarction',
      '401314000': 'Acute non-ST segment elevation myocardial infarction',
      '399957001': 'Peripheral arterial occlusive disease',
      '400047006': 'Peripheral vascular disease',
    },
    mode: 'history',
    source: [ICD10, ICD10CM, SNOMED],
  },
} as const satisfies Readonly<Record<string, ConditionGroup>>;

export type ConditionGroupName = keyof typeof CONDITION_GROUPS;
