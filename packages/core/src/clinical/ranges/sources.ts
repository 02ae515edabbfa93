import type { Citation } from '../source';

/** Published sources of CareLoop's own adult reference intervals and critical limits. */
export const RANGE_SOURCES = {
  wst404_1: {
    citation:
      '中华人民共和国卫生部. WS/T 404.1-2012 临床常用生化检验项目参考区间 第1部分：血清丙氨酸氨基转移酶、天门冬氨酸氨基转移酶、碱性磷酸酶和γ-谷氨酰基转移酶.',
  },
  wst404_3: {
    citation: '中华人民共和国卫生部. WS/T 404.3-2012 临床常用生化检验项目参考区间 第3部分：血清钾、钠、氯.',
  },
  wst404_5: {
    citation: '国家卫生和计划生育委员会. WS/T 404.5-2015 临床常用生化检验项目参考区间 第5部分：血清尿素、肌酐.',
  },
  wst405: {
    citation: '中华人民共和国卫生部. WS/T 405-2012 血细胞分析参考区间 (Reference intervals for blood cell analysis).',
  },
  cds2020: {
    citation:
      '中华医学会糖尿病学分会. 中国2型糖尿病防治指南（2020年版）. 中华糖尿病杂志. 2021;13(4):315–409 (糖代谢状态分类：空腹血糖正常 3.9–<6.1 mmol/L).',
    doi: '10.3760/cma.j.cn115791-20210221-00095',
  },
  lipid2023: {
    citation:
      '中国血脂管理指南修订联合专家委员会. 中国血脂管理指南（2023年）. 中华心血管病杂志. 2023;51(3):221–255 (血脂合适水平：TC <5.2, LDL-C <3.4, HDL-C ≥1.0, TG <1.7 mmol/L).',
    doi: '10.3760/cma.j.cn112148-20230119-00038',
  },
  hua2019: {
    citation:
      '中华医学会内分泌学分会. 中国高尿酸血症与痛风诊疗指南（2019）. 中华内分泌代谢杂志. 2020;36(1):1–13 (高尿酸血症：血尿酸 >420 μmol/L).',
    doi: '10.3760/cma.j.issn.1000-6699.2020.01.001',
  },
  kdigo2012: {
    citation:
      'KDIGO CKD Work Group. KDIGO 2012 Clinical Practice Guideline for the Evaluation and Management of Chronic Kidney Disease. Kidney Int Suppl. 2013;3:1–150 (Table 6: albuminuria A1 <30 mg/g).',
  },
  kost1990: {
    citation:
      'Kost GJ. Critical limits for urgent clinician notification at US medical centers. JAMA. 1990;263(5):704–707 (mean critical limits: potassium 2.8/6.2 mmol/L, sodium 120/158 mmol/L, glucose 46/484 mg/dL).',
  },
} as const satisfies Readonly<Record<string, Citation>>;
