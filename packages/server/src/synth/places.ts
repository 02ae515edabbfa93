/**
 * Places people live. Chinese county-level divisions with their 6-digit administrative division codes
 * (GB/T 2260, as published by the Ministry of Civil Affairs), which also open the resident identity number;
 * urban districts (区) and rural counties (县). US states with a city, ZIP prefix and area code.
 */

/** A county-level division of mainland China. */
export interface ChinaPlace {
  readonly code: string;
  readonly province: string;
  readonly provinceEn: string;
  readonly city: string;
  readonly cityEn: string;
  readonly district: string;
  readonly setting: 'urban' | 'rural';
}

const cn = (row: string): ChinaPlace => {
  const [code = '', province = '', provinceEn = '', city = '', cityEn = '', district = '', setting = ''] =
    row.split('|');
  return { code, province, provinceEn, city, cityEn, district, setting: setting === 'rural' ? 'rural' : 'urban' };
};

/** Urban districts and rural counties; the rural share of draws is the profile's, not this list's. */
export const CHINA_PLACES: readonly ChinaPlace[] = [
  '110101|北京市|Beijing|北京市|Beijing|东城区|urban',
  '110108|北京市|Beijing|北京市|Beijing|海淀区|urban',
  '310104|上海市|Shanghai|上海市|Shanghai|徐汇区|urban',
  '310115|上海市|Shanghai|上海市|Shanghai|浦东新区|urban',
  '440106|广东省|Guangdong|广州市|Guangzhou|天河区|urban',
  '440304|广东省|Guangdong|深圳市|Shenzhen|福田区|urban',
  '510107|四川省|Sichuan|成都市|Chengdu|武侯区|urban',
  '420106|湖北省|Hubei|武汉市|Wuhan|武昌区|urban',
  '330106|浙江省|Zhejiang|杭州市|Hangzhou|西湖区|urban',
  '320102|江苏省|Jiangsu|南京市|Nanjing|玄武区|urban',
  '610113|陕西省|Shaanxi|西安市|Xi’an|雁塔区|urban',
  '370102|山东省|Shandong|济南市|Jinan|历下区|urban',
  '210102|辽宁省|Liaoning|沈阳市|Shenyang|和平区|urban',
  '500103|重庆市|Chongqing|重庆市|Chongqing|渝中区|urban',
  '410105|河南省|Henan|郑州市|Zhengzhou|金水区|urban',
  '430104|湖南省|Hunan|长沙市|Changsha|岳麓区|urban',
  '130123|河北省|Hebei|石家庄市|Shijiazhuang|正定县|rural',
  '410122|河南省|Henan|郑州市|Zhengzhou|中牟县|rural',
  '510121|四川省|Sichuan|成都市|Chengdu|金堂县|rural',
  '320321|江苏省|Jiangsu|徐州市|Xuzhou|丰县|rural',
  '370124|山东省|Shandong|济南市|Jinan|平阴县|rural',
  '430121|湖南省|Hunan|长沙市|Changsha|长沙县|rural',
  '360121|江西省|Jiangxi|南昌市|Nanchang|南昌县|rural',
  '340121|安徽省|Anhui|合肥市|Hefei|长丰县|rural',
].map(cn);

/** A US state with one city in it. */
export interface UsPlace {
  readonly state: string;
  readonly city: string;
  readonly zip3: string;
  readonly areaCode: string;
  /** Relative population weight (2020 Census, millions, rounded). */
  readonly weight: number;
}

const us = (row: string): UsPlace => {
  const [state = '', city = '', zip3 = '', areaCode = '', weight = '1'] = row.split('|');
  return { state, city, zip3, areaCode, weight: Number(weight) };
};

/** The ten most populous states (2020 Census) and a few smaller ones. */
export const US_PLACES: readonly UsPlace[] = [
  'CA|Sacramento|958|916|39.5',
  'TX|Austin|787|512|29.1',
  'FL|Orlando|328|407|21.5',
  'NY|Albany|122|518|20.2',
  'PA|Pittsburgh|152|412|13.0',
  'IL|Springfield|627|217|12.8',
  'OH|Columbus|432|614|11.8',
  'GA|Atlanta|303|404|10.7',
  'NC|Raleigh|276|919|10.4',
  'MI|Lansing|489|517|10.1',
  'MA|Worcester|016|508|7.0',
  'MN|Saint Paul|551|651|5.7',
  'OR|Salem|973|503|4.2',
  'NM|Santa Fe|875|505|2.1',
].map(us);

const STREETS_CN = ['人民路', '解放路', '中山路', '建设路', '和平路', '新华路', '文化路', '胜利路', '光明街', '幸福路'];
const STREETS_US = ['Main St', 'Oak Ave', 'Maple Dr', 'Cedar Ln', 'Park Rd', 'Elm St', 'Washington Ave', 'Lake Rd'];

/** A street line for the profile. */
export function streetLine(profile: 'china' | 'us', n: number, pick: (xs: readonly string[]) => string): string {
  return profile === 'china' ? `${pick(STREETS_CN)}${n}号` : `${n} ${pick(STREETS_US)}`;
}
