import type { Profile } from '../profile';

const NCHS364 = {
  citation:
    'Ostchega Y, Fryar CD, Nwankwo T, Nguyen DT. Hypertension Prevalence Among Adults Aged 18 and Over: United States, 2017–2018. NCHS Data Brief No. 364, 2020',
  url: 'https://www.cdc.gov/nchs/products/databriefs/db364.htm',
};
const NDSR = {
  citation: 'Centers for Disease Control and Prevention. National Diabetes Statistics Report, 2022 (NHANES 2017–2020)',
  url: 'https://www.cdc.gov/diabetes/data/statistics-report/',
};
const CKD_US = {
  citation:
    'Centers for Disease Control and Prevention. Chronic Kidney Disease in the United States, 2021 (NHANES 2015–2018)',
  url: 'https://www.cdc.gov/kidneydisease/publications-resources/ckd-national-facts.html',
};
const AHA = {
  citation:
    'Tsao CW, Aday AW, Almarzooq ZI, et al. Heart Disease and Stroke Statistics—2023 Update: A Report From the American Heart Association. Circulation 2023;147:e93–e621',
  doi: '10.1161/CIR.0000000000001123',
};
const ATRIA = {
  citation:
    'Go AS, Hylek EM, Phillips KA, et al. Prevalence of diagnosed atrial fibrillation in adults: the AnTicoagulation and Risk Factors in Atrial Fibrillation (ATRIA) Study. JAMA 2001;285:2370–2375',
  doi: '10.1001/jama.285.18.2370',
};
const COPD_US = {
  citation:
    'Wheaton AG, Cunningham TJ, Ford ES, Croft JB. Employment and activity limitations among adults with chronic obstructive pulmonary disease — United States, 2013. MMWR 2015;64:289–295 (BRFSS self-reported COPD)',
};
const LIPID_US = {
  citation:
    'Carroll MD, Fryar CD. Total and High-density Lipoprotein Cholesterol in Adults: United States, 2015–2018. NCHS Data Brief No. 363, 2020',
  url: 'https://www.cdc.gov/nchs/products/databriefs/db363.htm',
};
const HBV_US = {
  citation:
    'Lim JK, Nguyen MH, Kim WR, et al. Prevalence of Chronic Hepatitis B Virus Infection in the United States. Am J Gastroenterol 2020;115:1429–1438',
  doi: '10.14309/ajg.0000000000000651',
};
const SEER = {
  citation:
    'Miller KD, Nogueira L, Devasia T, et al. Cancer treatment and survivorship statistics, 2022. CA Cancer J Clin 2022;72:409–436',
  doi: '10.3322/caac.21731',
};

/** United States: adults 18–89, NHANES-era national figures. */
export const US: Profile = {
  key: 'us',
  idPrefix: 'us',
  utcOffset: '-05:00',
  ageBands: {
    bands: [
      { from: 18, to: 29, weight: 21 },
      { from: 30, to: 39, weight: 17 },
      { from: 40, to: 49, weight: 16 },
      { from: 50, to: 59, weight: 17 },
      { from: 60, to: 69, weight: 15 },
      { from: 70, to: 79, weight: 10 },
      { from: 80, to: 89, weight: 4 },
    ],
    source: { citation: 'U.S. Census Bureau. 2020 Census Demographic and Housing Characteristics, age by sex' },
    checked: false,
    note: 'adult age structure, rounded percentages',
  },
  ruralShare: 0.2,
  smoking: {
    male: { current: 0.141, former: 0.25 },
    female: { current: 0.11, former: 0.18 },
    source: {
      citation:
        'Cornelius ME, Loretan CG, Wang TW, et al. Tobacco Product Use Among Adults — United States, 2020. MMWR 2022;71:397–405',
    },
    checked: false,
    note: 'current cigarette smoking; former-smoker shares approximate',
  },
  body: {
    male: { heightCm: 175.4, heightSd: 7.4, bmi: 29.1, bmiSd: 5.9 },
    female: { heightCm: 161.7, heightSd: 7.0, bmi: 29.6, bmiSd: 7.2 },
    source: {
      citation:
        'Fryar CD, Carroll MD, Gu Q, et al. Anthropometric reference data for children and adults: United States, 2015–2018. Vital Health Stat 3(46), 2021',
    },
    checked: false,
  },
  prevalence: {
    hypertension: {
      bands: [
        { from: 18, to: 39, percent: 22.4 },
        { from: 40, to: 59, percent: 54.5 },
        { from: 60, to: 89, percent: 74.5 },
      ],
      maleToFemale: 51.0 / 39.7,
      source: NCHS364,
      checked: true,
      note: 'SBP ≥130 or DBP ≥80 mmHg or antihypertensive use (2017 ACC/AHA); men 51.0%, women 39.7% (age-adjusted)',
    },
    diabetes: {
      bands: [
        { from: 18, to: 44, percent: 4.8 },
        { from: 45, to: 64, percent: 18.9 },
        { from: 65, to: 89, percent: 29.2 },
      ],
      maleToFemale: 15.4 / 12.7,
      source: NDSR,
      checked: false,
      note: 'total (diagnosed and undiagnosed) diabetes',
    },
    dyslipidaemia: {
      bands: [
        { from: 18, to: 39, percent: 20.0 },
        { from: 40, to: 59, percent: 40.0 },
        { from: 60, to: 89, percent: 52.0 },
      ],
      maleToFemale: 1.1,
      source: LIPID_US,
      checked: false,
      note: 'high total cholesterol, low HDL-C or lipid-lowering treatment; bands approximate',
    },
    ckd: {
      bands: [
        { from: 18, to: 44, percent: 6.0 },
        { from: 45, to: 64, percent: 12.4 },
        { from: 65, to: 89, percent: 38.1 },
      ],
      maleToFemale: 12.4 / 14.3,
      source: CKD_US,
      checked: true,
      note: 'CKD stages 1–4 (CKD-EPI, single albuminuria or creatinine measure); men 12.4%, women 14.3%',
    },
    copd: {
      bands: [
        { from: 18, to: 44, percent: 3.2 },
        { from: 45, to: 64, percent: 8.0 },
        { from: 65, to: 89, percent: 11.8 },
      ],
      maleToFemale: 0.85,
      source: COPD_US,
      checked: false,
      note: 'self-reported physician-diagnosed COPD',
    },
    heartFailure: {
      bands: [
        { from: 18, to: 39, percent: 0.5 },
        { from: 40, to: 59, percent: 1.6 },
        { from: 60, to: 79, percent: 5.0 },
        { from: 80, to: 89, percent: 10.0 },
      ],
      maleToFemale: 1.15,
      source: AHA,
      checked: false,
      note: 'NHANES 2017–2020 heart failure by age; approximate',
    },
    atrialFibrillation: {
      bands: [
        { from: 18, to: 54, percent: 0.1 },
        { from: 55, to: 64, percent: 1.2 },
        { from: 65, to: 74, percent: 3.9 },
        { from: 75, to: 84, percent: 8.2 },
        { from: 85, to: 89, percent: 11.1 },
      ],
      maleToFemale: 1.4,
      source: ATRIA,
      checked: false,
      note: 'diagnosed AF, 0.1% under 55 to 9% at ≥80; five-year bands merged',
    },
    stroke: {
      bands: [
        { from: 18, to: 39, percent: 0.5 },
        { from: 40, to: 59, percent: 2.0 },
        { from: 60, to: 79, percent: 6.0 },
        { from: 80, to: 89, percent: 12.0 },
      ],
      maleToFemale: 1.0,
      source: AHA,
      checked: false,
      note: 'self-reported stroke, NHANES 2017–2020; approximate',
    },
    hepatitisB: {
      bands: [{ from: 18, to: 89, percent: 0.4 }],
      maleToFemale: 1.5,
      source: HBV_US,
      checked: false,
      note: 'HBsAg positive, NHANES',
    },
    lungCancer: {
      bands: [
        { from: 18, to: 49, percent: 0.02 },
        { from: 50, to: 64, percent: 0.25 },
        { from: 65, to: 89, percent: 0.8 },
      ],
      maleToFemale: 1.0,
      source: SEER,
      checked: false,
      note: 'survivors (ever diagnosed); approximate',
    },
    breastCancer: {
      bands: [
        { from: 18, to: 39, percent: 0.2 },
        { from: 40, to: 64, percent: 2.5 },
        { from: 65, to: 89, percent: 7.0 },
      ],
      maleToFemale: 1,
      sex: 'female',
      source: SEER,
      checked: false,
      note: 'survivors among women; approximate',
    },
    colorectalCancer: {
      bands: [
        { from: 18, to: 49, percent: 0.1 },
        { from: 50, to: 64, percent: 0.5 },
        { from: 65, to: 89, percent: 1.6 },
      ],
      maleToFemale: 1.1,
      source: SEER,
      checked: false,
      note: 'survivors; approximate',
    },
    prostateCancer: {
      bands: [
        { from: 18, to: 49, percent: 0.05 },
        { from: 50, to: 64, percent: 2.0 },
        { from: 65, to: 89, percent: 9.0 },
      ],
      maleToFemale: 1,
      sex: 'male',
      source: SEER,
      checked: false,
      note: 'survivors among men; approximate',
    },
  },
  hypertensionThreshold: { systolic: 130, diastolic: 80 },
  hypertensionCare: {
    treated: 0.85,
    controlled: 0.45,
    source: AHA,
    checked: false,
    note: 'of diagnosed hypertension, share on medication and share of those below 130/80; approximate',
  },
  duplicateShare: 0.03,
};
