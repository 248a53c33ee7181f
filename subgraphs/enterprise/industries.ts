/**
 * The industries an enterprise may register under: the divisions of GB/T 4754-2017 (国民经济行业分类), sections A
 * to R. Sections S (public administration, Party and mass organisations) and T (international organisations) are
 * registered by other authorities, not by market regulation, so they are not offered.
 */

export interface IndustryDivision {
  /** Section letter and 2-digit division, e.g. I65. */
  code: string;
  name: string;
}

const DIVISIONS: Record<string, readonly (readonly [string, string])[]> = {
  A: [['01', '农业'], ['02', '林业'], ['03', '畜牧业'], ['04', '渔业'], ['05', '农、林、牧、渔专业及辅助性活动']],
  B: [
    ['06', '煤炭开采和洗选业'], ['07', '石油和天然气开采业'], ['08', '黑色金属矿采选业'], ['09', '有色金属矿采选业'],
    ['10', '非金属矿采选业'], ['11', '开采专业及辅助性活动'], ['12', '其他采矿业'],
  ],
  C: [
    ['13', '农副食品加工业'], ['14', '食品制造业'], ['15', '酒、饮料和精制茶制造业'], ['16', '烟草制品业'], ['17', '纺织业'],
    ['18', '纺织服装、服饰业'], ['19', '皮革、毛皮、羽毛及其制品和制鞋业'], ['20', '木材加工和木、竹、藤、棕、草制品业'],
    ['21', '家具制造业'], ['22', '造纸和纸制品业'], ['23', '印刷和记录媒介复制业'], ['24', '文教、工美、体育和娱乐用品制造业'],
    ['25', '石油、煤炭及其他燃料加工业'], ['26', '化学原料和化学制品制造业'], ['27', '医药制造业'], ['28', '化学纤维制造业'],
    ['29', '橡胶和塑料制品业'], ['30', '非金属矿物制品业'], ['31', '黑色金属冶炼和压延加工业'], ['32', '有色金属冶炼和压延加工业'],
    ['33', '金属制品业'], ['34', '通用设备制造业'], ['35', '专用设备制造业'], ['36', '汽车制造业'],
    ['37', '铁路、船舶、航空航天和其他运输设备制造业'], ['38', '电气机械和器材制造业'], ['39', '计算机、通信和其他电子设备制造业'],
    ['40', '仪器仪表制造业'], ['41', '其他制造业'], ['42', '废弃资源综合利用业'], ['43', '金属制品、机械和设备修理业'],
  ],
  D: [['44', '电力、热力生产和供应业'], ['45', '燃气生产和供应业'], ['46', '水的生产和供应业']],
  E: [['47', '房屋建筑业'], ['48', '土木工程建筑业'], ['49', '建筑安装业'], ['50', '建筑装饰、装修和其他建筑业']],
  F: [['51', '批发业'], ['52', '零售业']],
  G: [
    ['53', '铁路运输业'], ['54', '道路运输业'], ['55', '水上运输业'], ['56', '航空运输业'], ['57', '管道运输业'],
    ['58', '多式联运和运输代理业'], ['59', '装卸搬运和仓储业'], ['60', '邮政业'],
  ],
  H: [['61', '住宿业'], ['62', '餐饮业']],
  I: [['63', '电信、广播电视和卫星传输服务'], ['64', '互联网和相关服务'], ['65', '软件和信息技术服务业']],
  J: [['66', '货币金融服务'], ['67', '资本市场服务'], ['68', '保险业'], ['69', '其他金融业']],
  K: [['70', '房地产业']],
  L: [['71', '租赁业'], ['72', '商务服务业']],
  M: [['73', '研究和试验发展'], ['74', '专业技术服务业'], ['75', '科技推广和应用服务业']],
  N: [['76', '水利管理业'], ['77', '生态保护和环境治理业'], ['78', '公共设施管理业'], ['79', '土地管理业']],
  O: [['80', '居民服务业'], ['81', '机动车、电子产品和日用产品修理业'], ['82', '其他服务业']],
  P: [['83', '教育']],
  Q: [['84', '卫生'], ['85', '社会工作']],
  R: [['86', '新闻和出版业'], ['87', '广播、电视、电影和录音制作业'], ['88', '文化艺术业'], ['89', '体育'], ['90', '娱乐业']],
};

export const INDUSTRIES: readonly IndustryDivision[] = Object.freeze(
  Object.entries(DIVISIONS).flatMap(([section, divisions]) => divisions.map(([division, name]) => Object.freeze({ code: `${section}${division}`, name }))),
);

const BY_CODE = new Map(INDUSTRIES.map((i) => [i.code, i]));

export const INDUSTRY_SECTIONS: readonly string[] = Object.freeze(Object.keys(DIVISIONS));

/** The division with this code (e.g. I65), or undefined. */
export function industryByCode(code: string): IndustryDivision | undefined {
  return BY_CODE.get(code);
}

const BY_NAME = new Map(INDUSTRIES.map((i) => [i.name, i]));

/** The division with this name, e.g. 文化艺术业 (R88). */
export function industryByName(name: string): IndustryDivision | undefined {
  return BY_NAME.get(name);
}
