import type { Random } from './random';

/**
 * Names. Chinese surnames in the order of the Ministry of Public Security's 2020 national surname ranking
 * (王 李 张 刘 陈 … cover about 30% of the population in the top five); weights are the rank-share shape, not exact
 * shares. US surnames from the Census Bureau's 2010 frequently occurring surnames list (top 30); given names from
 * the Social Security Administration's popular names of the 1950s–1990s birth cohorts.
 */

/** One Chinese character or syllable with its pinyin (without tone marks). */
interface Hanzi {
  readonly han: string;
  readonly pinyin: string;
}

const SURNAMES: readonly (Hanzi & { readonly weight: number })[] = [
  ['王', 'Wang', 7.1],
  ['李', 'Li', 7.0],
  ['张', 'Zhang', 6.8],
  ['刘', 'Liu', 5.3],
  ['陈', 'Chen', 4.7],
  ['杨', 'Yang', 3.2],
  ['黄', 'Huang', 2.3],
  ['赵', 'Zhao', 2.2],
  ['吴', 'Wu', 2.0],
  ['周', 'Zhou', 1.9],
  ['徐', 'Xu', 1.7],
  ['孙', 'Sun', 1.5],
  ['马', 'Ma', 1.5],
  ['朱', 'Zhu', 1.3],
  ['胡', 'Hu', 1.3],
  ['郭', 'Guo', 1.2],
  ['何', 'He', 1.2],
  ['林', 'Lin', 1.1],
  ['高', 'Gao', 1.1],
  ['罗', 'Luo', 1.0],
].map(([han, pinyin, weight]) => ({ han: String(han), pinyin: String(pinyin), weight: Number(weight) }));

const h = (pairs: string): readonly Hanzi[] =>
  pairs.split(' ').map((p) => {
    const [han = '', pinyin = ''] = p.split(':');
    return { han, pinyin };
  });

const GIVEN_MALE = h(
  '伟:Wei 强:Qiang 磊:Lei 军:Jun 洋:Yang 勇:Yong 杰:Jie 涛:Tao 明:Ming 超:Chao 刚:Gang 平:Ping 建:Jian 国:Guo 文:Wen 海:Hai 鹏:Peng 浩:Hao 宇:Yu 志:Zhi 辉:Hui 斌:Bin 峰:Feng 林:Lin',
);
const GIVEN_FEMALE = h(
  '芳:Fang 娜:Na 敏:Min 静:Jing 丽:Li 艳:Yan 娟:Juan 秀:Xiu 霞:Xia 桂:Gui 英:Ying 华:Hua 玉:Yu 兰:Lan 红:Hong 婷:Ting 雪:Xue 慧:Hui 佳:Jia 琳:Lin 梅:Mei 燕:Yan 萍:Ping 晶:Jing',
);

/** Characters that clerks confuse (same pinyin, different character): the typo a second source system makes. */
const HOMOPHONES: Readonly<Record<string, string>> = {
  伟: '玮',
  静: '靜',
  丽: '莉',
  明: '铭',
  华: '桦',
  军: '君',
  杰: '洁',
  玉: '钰',
  红: '虹',
  林: '琳',
  芳: '方',
  英: '瑛',
  海: '亥',
  志: '智',
  慧: '惠',
  平: '萍',
};

const US_SURNAMES =
  'Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson'.split(
    ' ',
  );
const US_MALE =
  'James Robert John Michael David William Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kevin Brian George Timothy Ronald Jason Edward Jeffrey Ryan Jacob'.split(
    ' ',
  );
const US_FEMALE =
  'Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Margaret Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia'.split(
    ' ',
  );

/** A person's name in both scripts where the profile has two (Chinese), else `han` is undefined. */
export interface PersonName {
  readonly family: string;
  readonly given: readonly string[];
  /** Chinese characters: family then given, e.g. { family: '王', given: '伟' }. */
  readonly han?: { readonly family: string; readonly given: string };
}

/** A Chinese name (1 or 2 given characters), with pinyin. */
export function chineseName(sex: 'male' | 'female', rng: Random): PersonName {
  const surname = rng.weighted(SURNAMES, (s) => s.weight);
  const pool = sex === 'male' ? GIVEN_MALE : GIVEN_FEMALE;
  const first = rng.pick(pool);
  const chars = rng.chance(0.6) ? [first, rng.pick(pool)] : [first];
  const pinyin = chars.map((c, i) => (i === 0 ? c.pinyin : c.pinyin.toLowerCase())).join('');
  return {
    family: surname.pinyin,
    given: [pinyin],
    han: { family: surname.han, given: chars.map((c) => c.han).join('') },
  };
}

/** An English name with a middle initial for some. */
export function englishName(sex: 'male' | 'female', rng: Random): PersonName {
  const pool = sex === 'male' ? US_MALE : US_FEMALE;
  const given = [rng.pick(pool)];
  if (rng.chance(0.4)) given.push(`${rng.pick(pool).charAt(0)}.`);
  return { family: rng.pick(US_SURNAMES), given };
}

/** A one-letter typo: transposed, dropped or doubled letter (the commonest keying errors). */
export function typo(word: string, rng: Random): string {
  if (word.length < 3) return word + word.charAt(word.length - 1);
  const i = rng.int(1, word.length - 2);
  switch (rng.int(0, 2)) {
    case 0:
      return word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    default:
      return word.slice(0, i) + word.charAt(i) + word.slice(i);
  }
}

/** The same name as a second source system keys it: a typo in the given name (and a homophone character). */
export function misspell(name: PersonName, rng: Random): PersonName {
  const given = name.given.map((g, i) => (i === 0 ? typo(g, rng) : g));
  if (!name.han) return { family: name.family, given };
  const chars = Array.from(name.han.given);
  const swapAt = chars.findIndex((c) => HOMOPHONES[c] !== undefined);
  if (swapAt >= 0) chars[swapAt] = HOMOPHONES[chars[swapAt] ?? ''] ?? chars[swapAt] ?? '';
  return { family: name.family, given, han: { family: name.han.family, given: chars.join('') } };
}
