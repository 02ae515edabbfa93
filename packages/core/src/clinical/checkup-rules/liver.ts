import { REC } from './recommendations';
import { RULE_SOURCES } from './sources';
import type { CheckupRule, Condition, Recommendation } from './types';

const enzymesHigh: readonly (readonly Condition[])[] = [
  [{ fact: 'alt.flag', in: ['high'] }],
  [{ fact: 'ast.flag', in: ['high'] }],
];
const hepatology: Recommendation = {
  kind: 'refer',
  text: { 'zh-CN': '肝病科（消化科）就诊，行肝脏弹性检测', en: 'See hepatology for liver stiffness measurement' },
  specialty: 'hepatology',
  withinDays: 30,
};
const ultrasound: Recommendation = {
  kind: 'repeat',
  text: {
    'zh-CN': '1–3 个月后复查肝功能，并做肝脏超声',
    en: 'Repeat liver tests in 1–3 months, with a liver ultrasound',
  },
  withinDays: 90,
};
const alcohol: Recommendation = {
  kind: 'lifestyle',
  text: { 'zh-CN': '戒酒或限酒，控制体重', en: 'Avoid alcohol and manage weight' },
};

/** Liver enzymes against their range, read together with FIB-4 (Sterling formula, Shah 2009 cut-offs). */
export const liverRule: CheckupRule = {
  id: 'checkup.liver',
  version: '2018.1',
  name: { 'zh-CN': '肝功能与肝纤维化风险', en: 'Liver enzymes and fibrosis risk' },
  source: [RULE_SOURCES.nafld2018, RULE_SOURCES.fib4],
  findings: [
    {
      id: 'fib4-high',
      severity: 'high',
      when: [[{ fact: 'fib4', gt: 2.67 }]],
      title: { 'zh-CN': 'FIB-4 提示进展期肝纤维化风险高', en: 'FIB-4 suggests advanced liver fibrosis' },
      reason: { 'zh-CN': 'FIB-4 指数 {fib4}，>2.67', en: 'FIB-4 index {fib4}, above 2.67' },
      recommendations: [hepatology, alcohol],
    },
    {
      id: 'fib4-indeterminate',
      severity: 'moderate',
      when: enzymesHigh.map((g) => [...g, { fact: 'fib4', min: 1.3, atMost: 2.67 }]),
      title: {
        'zh-CN': '转氨酶升高，FIB-4 处于不确定区间',
        en: 'Raised liver enzymes with an indeterminate FIB-4',
      },
      reason: {
        'zh-CN': 'ALT {alt}，AST {ast}；FIB-4 {fib4}（1.30–2.67）',
        en: 'ALT {alt}, AST {ast}; FIB-4 {fib4} (1.30–2.67)',
      },
      recommendations: [{ ...hepatology, withinDays: 90 }, ultrasound, alcohol],
    },
    {
      id: 'liver-enzymes-elevated',
      severity: 'low',
      when: enzymesHigh,
      title: { 'zh-CN': '转氨酶升高', en: 'Raised liver enzymes' },
      reason: { 'zh-CN': 'ALT {alt}，AST {ast}，高于参考范围', en: 'ALT {alt}, AST {ast}: above the reference range' },
      recommendations: [ultrasound, alcohol, REC.exercise],
    },
  ],
  notes:
    'FIB-4 >2.67 is reported whatever the enzymes; 1.30–2.67 only with raised enzymes (in a general checkup ' +
    'population the indeterminate band is common with age). The age-adjusted cut-off (2.0 at ≥65) is not applied.',
};
