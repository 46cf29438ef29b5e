/** Buyers in mainland China: names, +86 mobiles and addresses in the order the post reads them. */
import { exampleDomains, type Locale } from './locale.ts';
import { chance, optional, pickOne, pickWeighted, type Rng, randomDigits, randomInt } from './random.ts';

// biome-ignore format: a data table reads best as one row per line
const surnames = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'],
  ['赵', 'zhao'], ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'],
  ['胡', 'hu'], ['郭', 'guo'], ['何', 'he'], ['林', 'lin'], ['罗', 'luo'], ['高', 'gao'], ['郑', 'zheng'],
  ['梁', 'liang'],
] as const;
// biome-ignore format: a data table reads best as one row per line
const givenNames = [
  ['芳', 'fang'], ['伟', 'wei'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'],
  ['磊', 'lei'], ['洋', 'yang'], ['艳', 'yan'], ['勇', 'yong'], ['军', 'jun'], ['杰', 'jie'], ['涛', 'tao'],
  ['超', 'chao'], ['秀英', 'xiuying'], ['志强', 'zhiqiang'], ['建华', 'jianhua'], ['晓燕', 'xiaoyan'],
  ['婷婷', 'tingting'], ['子涵', 'zihan'], ['浩然', 'haoran'], ['欣怡', 'xinyi'], ['宇轩', 'yuxuan'], ['思雨', 'siyu'],
  ['俊杰', 'junjie'], ['雨桐', 'yutong'], ['梓萱', 'zixuan'],
] as const;
/** China Mobile / Unicom / Telecom prefixes people actually have. */
// biome-ignore format: a data table reads best as one row per line
const chineseMobilePrefixes = [
  '130', '131', '135', '136', '137', '138', '139', '150', '151', '152', '155', '158', '159', '180', '186',
  '187', '188', '189',
];

// biome-ignore format: a data table reads best as one row per line
const chineseCities = [
  { province: '上海市', city: '上海市', postcode: '200', districts: ['浦东新区', '徐汇区', '静安区', '闵行区', '长宁区'], weight: 10 },
  { province: '北京市', city: '北京市', postcode: '100', districts: ['朝阳区', '海淀区', '东城区', '丰台区', '西城区'], weight: 9 },
  { province: '广东省', city: '深圳市', postcode: '518', districts: ['南山区', '福田区', '宝安区', '龙岗区'], weight: 8 },
  { province: '广东省', city: '广州市', postcode: '510', districts: ['天河区', '越秀区', '海珠区', '番禺区'], weight: 8 },
  { province: '浙江省', city: '杭州市', postcode: '310', districts: ['西湖区', '拱墅区', '滨江区', '余杭区', '上城区'], weight: 7 },
  { province: '四川省', city: '成都市', postcode: '610', districts: ['锦江区', '武侯区', '青羊区', '成华区'], weight: 6 },
  { province: '江苏省', city: '南京市', postcode: '210', districts: ['鼓楼区', '玄武区', '江宁区', '秦淮区'], weight: 5 },
  { province: '江苏省', city: '苏州市', postcode: '215', districts: ['姑苏区', '吴中区', '相城区', '虎丘区'], weight: 5 },
  { province: '湖北省', city: '武汉市', postcode: '430', districts: ['武昌区', '洪山区', '江汉区', '江岸区'], weight: 5 },
  { province: '重庆市', city: '重庆市', postcode: '400', districts: ['渝中区', '江北区', '南岸区', '渝北区'], weight: 5 },
  { province: '陕西省', city: '西安市', postcode: '710', districts: ['雁塔区', '碑林区', '未央区', '新城区'], weight: 4 },
  { province: '天津市', city: '天津市', postcode: '300', districts: ['和平区', '南开区', '河西区'], weight: 3 },
  { province: '湖南省', city: '长沙市', postcode: '410', districts: ['岳麓区', '芙蓉区', '天心区', '开福区'], weight: 3 },
  { province: '河南省', city: '郑州市', postcode: '450', districts: ['金水区', '二七区', '中原区'], weight: 3 },
  { province: '山东省', city: '青岛市', postcode: '266', districts: ['市南区', '市北区', '崂山区', '黄岛区'], weight: 3 },
  { province: '福建省', city: '厦门市', postcode: '361', districts: ['思明区', '湖里区', '集美区'], weight: 2 },
] as const;
// biome-ignore format: a data table reads best as one row per line
const chineseStreets = [
  '中山路', '人民路', '解放路', '建设路', '和平路', '长江路', '新华路', '文化路', '学府路', '科技路', '滨江大道', '世纪大道', '东风路', '青年路',
  '花园路',
];
// biome-ignore format: a data table reads best as one row per line
const chineseCompounds = [
  '阳光花园', '锦绣家园', '翠苑小区', '万科城', '桂花园', '保利花园', '金色家园', '碧桂园',
];
const chineseTowers = ['国贸大厦', '财富中心', '创新大厦', '环球中心', '科技大厦'];

export const chineseLocale: Locale = {
  country: 'CN',
  newPerson: (rng) => {
    const [surname, surnamePinyin] = pickOne(rng, surnames);
    const [given, givenPinyin] = pickOne(rng, givenNames);
    const phone = `+86${pickOne(rng, chineseMobilePrefixes)}${randomDigits(rng, 8)}`;
    const hasEmail = chance(rng, 0.5);
    const email = `${givenPinyin}.${surnamePinyin}${randomInt(rng, 1, 99)}@${pickOne(rng, exampleDomains)}`;
    return { name: `${surname}${given}`, phone, ...(hasEmail ? { email } : {}) };
  },
  newAddress: (rng) => {
    const place = pickWeighted(
      rng,
      chineseCities.map((city) => [city, city.weight] as const),
    );
    return {
      country: 'CN',
      province: place.province,
      city: place.city,
      district: pickOne(rng, place.districts),
      line1: `${pickOne(rng, chineseStreets)} ${randomInt(rng, 1, 999)} 号`,
      ...optional('line2', chineseLine2(rng)),
      postalCode: `${place.postcode}0${randomDigits(rng, 2)}`,
    };
  },
};

function chineseLine2(rng: Rng): string | undefined {
  return pickWeighted<string | undefined>(rng, [
    [
      `${pickOne(rng, chineseCompounds)} ${randomInt(rng, 1, 30)} 栋 ${randomInt(rng, 1, 4)} 单元 ${randomInt(rng, 1, 33)}0${randomInt(rng, 1, 4)} 室`,
      60,
    ],
    [`${pickOne(rng, chineseTowers)} ${randomInt(rng, 2, 40)} 楼`, 20],
    [undefined, 20],
  ]);
}
