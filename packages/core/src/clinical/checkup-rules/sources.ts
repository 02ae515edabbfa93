import type { Citation } from '../source';

/** Published sources of CareLoop's checkup rules. */
export const RULE_SOURCES = {
  cds2020: {
    citation:
      '中华医学会糖尿病学分会. 中国2型糖尿病防治指南（2020年版）. 中华糖尿病杂志. 2021;13(4):315–409 (表 3 糖代谢状态分类; 表 4 糖尿病诊断标准：空腹血糖 ≥7.0 mmol/L 或 HbA1c ≥6.5%，无典型症状者需改日复查确认).',
    doi: '10.3760/cma.j.cn115791-20210221-00095',
  },
  who2006: {
    citation:
      'World Health Organization, International Diabetes Federation. Definition and diagnosis of diabetes mellitus and intermediate hyperglycaemia. Geneva: WHO; 2006 (impaired fasting glucose 6.1–6.9 mmol/L).',
    url: 'https://www.who.int/publications/i/item/definition-and-diagnosis-of-diabetes-mellitus-and-intermediate-hyperglycaemia',
  },
  wst428: {
    citation:
      '中华人民共和国国家卫生和计划生育委员会. WS/T 428-2013 成人体重判定 (BMI 24.0/28.0 kg/m²；中心型肥胖前期腰围男 85–<90 cm、女 80–<85 cm，中心型肥胖男 ≥90 cm、女 ≥85 cm).',
  },
  lipid2023: {
    citation:
      '中国血脂管理指南修订联合专家委员会. 中国血脂管理指南（2023年）. 中华心血管病杂志. 2023;51(3):221–255 (图 1 ASCVD 总体发病风险评估流程；表 5 LDL-C 目标值：低危 <3.4、中高危 <2.6、极高危 <1.8 mmol/L).',
    doi: '10.3760/cma.j.cn112148-20230119-00038',
  },
  kdigo2012: {
    citation:
      'KDIGO CKD Work Group. KDIGO 2012 Clinical Practice Guideline for the Evaluation and Management of Chronic Kidney Disease. Kidney Int Suppl. 2013;3:1–150 (1.1.1 CKD definition >3 months; Figure 9 heat map; 1.4.4.2 certain drift: category drop with ≥25% eGFR decline; 5.1.1 referral at eGFR <30 or ACR ≥300 mg/g).',
  },
  ckdEpi2021: {
    citation:
      'Inker LA, Eneanya ND, Coresh J, et al. New Creatinine- and Cystatin C-Based Equations to Estimate GFR without Race. N Engl J Med. 2021;385:1737–1749.',
    doi: '10.1056/NEJMoa2102953',
  },
  fib4: {
    citation:
      'Shah AG, Lydecker A, Murray K, et al. Comparison of noninvasive markers of fibrosis in patients with nonalcoholic fatty liver disease. Clin Gastroenterol Hepatol. 2009;7(10):1104–1112 (FIB-4 <1.30 excludes, >2.67 suggests advanced fibrosis).',
    doi: '10.1016/j.cgh.2009.05.033',
  },
  nafld2018: {
    citation:
      '中华医学会肝病学分会脂肪肝和酒精性肝病学组. 非酒精性脂肪性肝病防治指南（2018年更新版）. 中华肝脏病杂志. 2018;26(3):195–203 (转氨酶升高的评估；FIB-4 用于进展期肝纤维化筛查).',
  },
  hua2019: {
    citation:
      '中华医学会内分泌学分会. 中国高尿酸血症与痛风诊疗指南（2019）. 中华内分泌代谢杂志. 2020;36(1):1–13 (非同日 2 次空腹血尿酸 >420 μmol/L 诊断高尿酸血症).',
    doi: '10.3760/cma.j.issn.1000-6699.2020.01.001',
  },
  liverCancer2022: {
    citation:
      '中华人民共和国国家卫生健康委员会医政医管局. 原发性肝癌诊疗指南（2022年版）. 中华肝脏病杂志. 2022;30(4):367–388 (乙型肝炎病毒感染者属肝癌高危人群，至少每 6 个月进行 1 次超声及血清 AFP 检测).',
  },
  hbv2022: {
    citation:
      '中华医学会肝病学分会, 中华医学会感染病学分会. 慢性乙型肝炎防治指南（2022年版）. 中华传染病杂志. 2023;41(1):3–28 (HBsAg 阳性者评估 HBV DNA、ALT 与肝纤维化).',
  },
  kost1990: {
    citation:
      'Kost GJ. Critical limits for urgent clinician notification at US medical centers. JAMA. 1990;263(5):704–707.',
  },
  careloop: {
    citation:
      'CareLoop checkup rule: compares each result with the previous checkup against the same reference range (the lab’s own, else CareLoop’s table, each with its source).',
  },
} as const satisfies Readonly<Record<string, Citation>>;
