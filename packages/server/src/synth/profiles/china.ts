import type { Profile } from '../profile';

const CHS = {
  citation:
    'Wang Z, Chen Z, Zhang L, et al. Status of Hypertension in China: Results From the China Hypertension Survey, 2012–2015. Circulation 2018;137:2344–2356',
  doi: '10.1161/CIRCULATIONAHA.117.032380',
};
const LI_DM = {
  citation:
    'Li Y, Teng D, Shi X, et al. Prevalence of diabetes recorded in mainland China using 2018 diagnostic criteria from the American Diabetes Association: national cross sectional study. BMJ 2020;369:m997',
  doi: '10.1136/bmj.m997',
};
const CPH = {
  citation:
    'Wang C, Xu J, Yang L, et al. Prevalence and risk factors of chronic obstructive pulmonary disease in China (the China Pulmonary Health [CPH] study). Lancet 2018;391:1706–1717',
  doi: '10.1016/S0140-6736(18)30841-9',
};
const CKD_CN = {
  citation:
    'Zhang L, Wang F, Wang L, et al. Prevalence of chronic kidney disease in China: a cross-sectional survey. Lancet 2012;379:815–822',
  doi: '10.1016/S0140-6736(12)60033-6',
};
const LIPID = {
  citation:
    'Joint Committee for Guideline Revision. 2016 Chinese guidelines for the management of dyslipidemia in adults. J Geriatr Cardiol 2018;15:1–29 (citing the 2012 China National Nutrition and Health Survey: dyslipidaemia 40.4% of adults)',
  doi: '10.11909/j.issn.1671-5411.2018.01.011',
};
const HF_CN = {
  citation:
    'Hao G, Wang X, Chen Z, et al. Prevalence of heart failure and left ventricular dysfunction in China: the China Hypertension Survey, 2012–2015. Eur J Heart Fail 2019;21:1329–1337',
  doi: '10.1002/ejhf.1629',
};
const AF_CN = {
  citation:
    'Wang Z, Chen Z, Wang X, et al. The disease burden of atrial fibrillation in China from a national cross-sectional survey. Am J Cardiol 2018;122:793–798',
  doi: '10.1016/j.amjcard.2018.05.015',
};
const NESS = {
  citation:
    'Wang W, Jiang B, Sun H, et al. Prevalence, Incidence, and Mortality of Stroke in China: Results from a Nationwide Population-Based Survey of 480 687 Adults. Circulation 2017;135:759–771',
  doi: '10.1161/CIRCULATIONAHA.116.025250',
};
const POLARIS = {
  citation:
    'Polaris Observatory Collaborators. Global prevalence, treatment, and prevention of hepatitis B virus infection in 2016: a modelling study. Lancet Gastroenterol Hepatol 2018;3:383–403',
  doi: '10.1016/S2468-1253(18)30056-6',
};
const NCC = {
  citation:
    'Zheng R, Zhang S, Zeng H, et al. Cancer incidence and mortality in China, 2016. J Natl Cancer Cent 2022;2:1–9; with 5-year prevalence from GLOBOCAN 2020 (IARC Global Cancer Observatory, China)',
  doi: '10.1016/j.jncc.2022.02.002',
};

/** Mainland China: adults 18–89, 2015–2018 national surveys. */
export const CHINA: Profile = {
  key: 'china',
  idPrefix: 'cn',
  utcOffset: '+08:00',
  ageBands: {
    bands: [
      { from: 18, to: 29, weight: 17 },
      { from: 30, to: 39, weight: 19 },
      { from: 40, to: 49, weight: 17 },
      { from: 50, to: 59, weight: 20 },
      { from: 60, to: 69, weight: 15 },
      { from: 70, to: 79, weight: 8 },
      { from: 80, to: 89, weight: 4 },
    ],
    source: { citation: 'National Bureau of Statistics of China. China Population Census Yearbook 2020, Table 1-7' },
    checked: false,
    note: 'adult age structure, rounded percentages',
  },
  ruralShare: 0.361,
  smoking: {
    male: { current: 0.505, former: 0.08 },
    female: { current: 0.021, former: 0.005 },
    source: {
      citation:
        'Chinese Center for Disease Control and Prevention. Global Adult Tobacco Survey (GATS) China 2018 Report',
    },
    checked: false,
    note: 'current smoking among adults ≥15: men 50.5%, women 2.1%; former-smoker shares approximate',
  },
  body: {
    male: { heightCm: 169.7, heightSd: 6.5, bmi: 24.5, bmiSd: 3.4 },
    female: { heightCm: 158.0, heightSd: 5.9, bmi: 23.8, bmiSd: 3.5 },
    source: {
      citation: 'National Health Commission. Report on Nutrition and Chronic Diseases of Chinese Residents (2020)',
    },
    checked: false,
    note: 'mean height of adults 18–44; BMI means and SDs approximate',
  },
  prevalence: {
    hypertension: {
      bands: [
        { from: 18, to: 24, percent: 4.0 },
        { from: 25, to: 34, percent: 6.1 },
        { from: 35, to: 44, percent: 15.0 },
        { from: 45, to: 54, percent: 29.6 },
        { from: 55, to: 64, percent: 44.6 },
        { from: 65, to: 74, percent: 55.7 },
        { from: 75, to: 89, percent: 60.2 },
      ],
      maleToFemale: 24.5 / 21.9,
      source: CHS,
      checked: false,
      note: 'SBP ≥140 or DBP ≥90 mmHg or antihypertensive use; weighted overall 23.2% checked, age bands from the paper’s table await a check',
    },
    diabetes: {
      bands: [
        { from: 18, to: 29, percent: 5.0 },
        { from: 30, to: 39, percent: 6.4 },
        { from: 40, to: 49, percent: 11.1 },
        { from: 50, to: 59, percent: 17.8 },
        { from: 60, to: 69, percent: 24.8 },
        { from: 70, to: 89, percent: 28.8 },
      ],
      maleToFemale: 12.1 / 10.3,
      source: LI_DM,
      checked: false,
      note: 'total diabetes by ADA 2018 criteria, weighted overall 12.8% (checked); sex ratio from the WHO-criteria figures 12.1% vs 10.3% quoted in the Chinese T2DM guideline 2020; age bands await a check',
    },
    dyslipidaemia: {
      bands: [
        { from: 18, to: 39, percent: 34.0 },
        { from: 40, to: 59, percent: 44.0 },
        { from: 60, to: 89, percent: 45.0 },
      ],
      maleToFemale: 1.2,
      source: LIPID,
      checked: false,
      note: 'any of high TC, high LDL-C, low HDL-C, high TG; overall 40.4%; age shape approximate',
    },
    ckd: {
      bands: [
        { from: 18, to: 39, percent: 7.4 },
        { from: 40, to: 59, percent: 10.4 },
        { from: 60, to: 69, percent: 16.8 },
        { from: 70, to: 89, percent: 24.2 },
      ],
      maleToFemale: 0.9,
      source: CKD_CN,
      checked: false,
      note: 'eGFR <60 or albuminuria; overall 10.8%',
    },
    copd: {
      bands: [
        { from: 18, to: 39, percent: 2.1 },
        { from: 40, to: 89, percent: 13.7 },
      ],
      maleToFemale: 11.9 / 5.4,
      source: CPH,
      checked: true,
      note: 'post-bronchodilator FEV1/FVC <0.70 (GOLD 2017); 20–39 years 2.1%, ≥40 years 13.7%, men 11.9%, women 5.4%; applied from age 18',
    },
    heartFailure: {
      bands: [
        { from: 18, to: 44, percent: 0.3 },
        { from: 45, to: 54, percent: 0.6 },
        { from: 55, to: 64, percent: 1.2 },
        { from: 65, to: 74, percent: 2.3 },
        { from: 75, to: 89, percent: 3.9 },
      ],
      maleToFemale: 1.1,
      source: HF_CN,
      checked: false,
      note: 'overall 1.3% among adults ≥35; age shape approximate',
    },
    atrialFibrillation: {
      bands: [
        { from: 18, to: 54, percent: 0.2 },
        { from: 55, to: 64, percent: 0.8 },
        { from: 65, to: 74, percent: 1.6 },
        { from: 75, to: 89, percent: 2.9 },
      ],
      maleToFemale: 1.1,
      source: AF_CN,
      checked: false,
      note: 'overall 0.71% among adults ≥35; age shape approximate',
    },
    stroke: {
      bands: [
        { from: 18, to: 39, percent: 0.1 },
        { from: 40, to: 49, percent: 0.6 },
        { from: 50, to: 59, percent: 1.5 },
        { from: 60, to: 69, percent: 2.9 },
        { from: 70, to: 89, percent: 4.6 },
      ],
      maleToFemale: 1.3,
      source: NESS,
      checked: false,
      note: 'overall 1114.8 per 100 000 adults ≥20 (all stroke); age shape approximate',
    },
    hepatitisB: {
      bands: [
        { from: 18, to: 29, percent: 3.0 },
        { from: 30, to: 59, percent: 7.2 },
        { from: 60, to: 89, percent: 5.5 },
      ],
      maleToFemale: 1.3,
      source: POLARIS,
      checked: false,
      note: 'HBsAg positive; China ≈6.1% all ages; lower in cohorts vaccinated at birth (born after 1992)',
    },
    lungCancer: {
      bands: [
        { from: 18, to: 49, percent: 0.02 },
        { from: 50, to: 64, percent: 0.2 },
        { from: 65, to: 89, percent: 0.5 },
      ],
      maleToFemale: 1.9,
      source: NCC,
      checked: false,
      note: '5-year prevalence; age shape approximate',
    },
    breastCancer: {
      bands: [
        { from: 18, to: 39, percent: 0.05 },
        { from: 40, to: 59, percent: 0.5 },
        { from: 60, to: 89, percent: 0.6 },
      ],
      maleToFemale: 1,
      sex: 'female',
      source: NCC,
      checked: false,
      note: '5-year prevalence among women; age shape approximate',
    },
    colorectalCancer: {
      bands: [
        { from: 18, to: 49, percent: 0.03 },
        { from: 50, to: 64, percent: 0.25 },
        { from: 65, to: 89, percent: 0.55 },
      ],
      maleToFemale: 1.4,
      source: NCC,
      checked: false,
      note: '5-year prevalence; age shape approximate',
    },
    stomachCancer: {
      bands: [
        { from: 18, to: 49, percent: 0.02 },
        { from: 50, to: 64, percent: 0.2 },
        { from: 65, to: 89, percent: 0.45 },
      ],
      maleToFemale: 2.2,
      source: NCC,
      checked: false,
      note: '5-year prevalence; age shape approximate',
    },
  },
  hypertensionThreshold: { systolic: 140, diastolic: 90 },
  hypertensionCare: {
    treated: 40.7 / 46.9,
    controlled: 15.3 / 40.7,
    source: CHS,
    checked: true,
    note: 'of people with hypertension 46.9% aware, 40.7% treated, 15.3% controlled; here every Condition is a known diagnosis, so treated = 40.7/46.9 of them and controlled = 15.3/40.7 of the treated',
  },
  duplicateShare: 0.03,
};
