/**
 * The simulator's fictional citizens. Every name, number and employer is invented (the ID numbers carry
 * valid GB 11643 check characters and Qingdao 3702xx area codes so the kiosk's checks pass).
 * Dates that must stay "current" (ongoing jobs, the pension authentication cycle) are given relative to
 * the day the database is seeded; the contribution amounts are generated from a seed per citizen.
 */
import { FLEXIBLE_EMPLOYMENT_PAYER, type CardStatus, type DemoTag, type InsuranceType } from '../backendTypes.js';

export const demoTagLabels: Record<DemoTag, string> = {
  'pensioner-due-auth': '养老认证即将到期',
  'pensioner-overdue-auth': '养老认证已过期',
  'pensioner-authenticated': '养老认证有效',
  'not-pensioner': '未领取养老金',
  'card-active': '社保卡正常',
  'card-lost': '社保卡已挂失',
  'card-replacing': '社保卡补办中',
  'flexible-worker': '灵活就业参保',
  unemployed: '失业（暂停缴费）',
  'new-graduate': '应届毕业生',
  'long-history': '缴费年限长',
  'can-register-flexible': '可登记灵活就业',
};

const ALL_TYPES: InsuranceType[] = ['养老', '医疗', '失业', '工伤', '生育'];
const FLEXIBLE_TYPES: InsuranceType[] = ['养老', '医疗'];

/** A run of months paid by one payer. */
export interface ContributionSpell {
  /** Employer name, or 灵活就业. */
  payer: string;
  /** First month paid, YYYY-MM. */
  from: string;
  /** Last month paid: a fixed month, 'ongoing' (up to last month), or so many months before the seed month. */
  until: string | 'ongoing' | { monthsBeforeSeed: number };
  /** Employer spells: the monthly base in the first year (grows yearly). Flexible spells use `level`. */
  startingBase?: number;
  /** Flexible spells: the chosen base as a percentage of the average wage. */
  level?: number;
  types: InsuranceType[];
}

export interface DemoPension {
  /** First month a pension is paid for. */
  firstMonth: string;
  /** Monthly pension in that first year, yuan; adjusted upward every January. */
  firstMonthlyAmount: number;
  /** Last authentication = seed day − monthsAgo months + dayShift days. */
  lastAuthenticated: { monthsAgo: number; dayShift: number };
}

export interface DemoCitizenSeed {
  citizenId: string;
  name: string;
  idNumber: string;
  phone: string;
  /** Relative to the shared data folder (../shared/data beside the checkout): a face image of the same identity for verification. */
  referencePhoto: string | null;
  usefulFor: DemoTag[];
  spells: ContributionSpell[];
  pension?: DemoPension;
  card: { cardNumber: string; status: CardStatus; bank: string; issuedDate: string };
  flexibleRegistration?: { employmentType: '个体经营' | '非全日制' | '新就业形态' | '其他灵活就业'; contributionLevel: number; residenceStreet: string };
}

export const demoCitizenSeeds: readonly DemoCitizenSeed[] = [
  {
    citizenId: 'QD0001',
    name: '王秀兰',
    idNumber: '370203196203150422',
    phone: '13805321101',
    referencePhoto: 'faces/faceapi__amy/amy1.png',
    usefulFor: ['pensioner-due-auth', 'card-active'],
    spells: [{ payer: '青岛胶州湾纺织厂', from: '1996-01', until: '2012-03', startingBase: 620, types: ALL_TYPES }],
    pension: { firstMonth: '2012-04', firstMonthlyAmount: 1650, lastAuthenticated: { monthsAgo: 12, dayShift: 10 } },
    card: { cardNumber: 'QD3012245', status: '正常', bank: '青岛银行', issuedDate: '2016-05-12' },
  },
  {
    citizenId: 'QD0002',
    name: '张建国',
    idNumber: '370202195608020350',
    phone: '13905322202',
    referencePhoto: 'faces/faceapi__howard/howard1.png',
    usefulFor: ['pensioner-authenticated', 'card-active', 'long-history'],
    spells: [{ payer: '青岛海晟机械有限公司', from: '1996-01', until: '2016-08', startingBase: 880, types: ALL_TYPES }],
    pension: { firstMonth: '2016-09', firstMonthlyAmount: 2930, lastAuthenticated: { monthsAgo: 3, dayShift: 0 } },
    card: { cardNumber: 'QD1887460', status: '正常', bank: '中国工商银行青岛分行', issuedDate: '2015-09-03' },
  },
  {
    citizenId: 'QD0003',
    name: '周桂芳',
    idNumber: '37021319581120068X',
    phone: '15805323303',
    referencePhoto: 'faces/faceapi__bernadette/bernadette1.png',
    usefulFor: ['pensioner-overdue-auth', 'card-active'],
    spells: [
      { payer: '青岛市北区红星商贸有限公司', from: '1996-01', until: '2003-06', startingBase: 520, types: ALL_TYPES },
      { payer: FLEXIBLE_EMPLOYMENT_PAYER, from: '2004-01', until: '2008-11', level: 60, types: FLEXIBLE_TYPES },
    ],
    pension: { firstMonth: '2008-12', firstMonthlyAmount: 1180, lastAuthenticated: { monthsAgo: 12, dayShift: -20 } },
    card: { cardNumber: 'QD0935518', status: '正常', bank: '青岛农商银行', issuedDate: '2014-11-20' },
  },
  {
    citizenId: 'QD0004',
    name: '李志强',
    idNumber: '370211198506180177',
    phone: '18605324404',
    referencePhoto: 'faces/faceapi__leonard/leonard1.png',
    usefulFor: ['card-active', 'not-pensioner'],
    spells: [
      { payer: '青岛港湾物流有限公司', from: '2008-07', until: '2015-12', startingBase: 2300, types: ALL_TYPES },
      { payer: '青岛西海岸软件科技有限公司', from: '2016-01', until: 'ongoing', startingBase: 6200, types: ALL_TYPES },
    ],
    card: { cardNumber: 'QD5520931', status: '正常', bank: '中国建设银行青岛分行', issuedDate: '2017-03-08' },
  },
  {
    citizenId: 'QD0005',
    name: '刘婷',
    idNumber: '370212199102070247',
    phone: '13705325505',
    referencePhoto: 'faces/faceapi__penny/penny1.png',
    usefulFor: ['card-lost', 'not-pensioner'],
    spells: [{ payer: '青岛崂山湾食品有限公司', from: '2013-07', until: 'ongoing', startingBase: 3200, types: ALL_TYPES }],
    card: { cardNumber: 'QD6604172', status: '挂失', bank: '青岛银行', issuedDate: '2018-06-21' },
  },
  {
    citizenId: 'QD0006',
    name: '陈海涛',
    idNumber: '370214197909300510',
    phone: '15905326606',
    referencePhoto: 'faces/faceapi__raj/raj1.png',
    usefulFor: ['flexible-worker', 'card-active', 'not-pensioner'],
    spells: [
      { payer: '青岛城阳家电配件有限公司', from: '2001-03', until: '2015-10', startingBase: 1150, types: ALL_TYPES },
      { payer: FLEXIBLE_EMPLOYMENT_PAYER, from: '2016-03', until: 'ongoing', level: 60, types: FLEXIBLE_TYPES },
    ],
    card: { cardNumber: 'QD2741853', status: '正常', bank: '中国农业银行青岛分行', issuedDate: '2016-02-17' },
    flexibleRegistration: { employmentType: '个体经营', contributionLevel: 60, residenceStreet: '城阳街道' },
  },
  {
    citizenId: 'QD0007',
    name: '赵磊',
    idNumber: '370281198812050732',
    phone: '18805327707',
    referencePhoto: 'faces/faceapi__sheldon/sheldon1.png',
    usefulFor: ['unemployed', 'can-register-flexible', 'card-active', 'not-pensioner'],
    spells: [{ payer: '青岛李沧德顺餐饮管理有限公司', from: '2011-07', until: { monthsBeforeSeed: 8 }, startingBase: 2100, types: ALL_TYPES }],
    card: { cardNumber: 'QD4418026', status: '正常', bank: '青岛农商银行', issuedDate: '2012-04-09' },
  },
  {
    citizenId: 'QD0008',
    name: '孙悦',
    idNumber: '370215200207210861',
    phone: '17705328808',
    referencePhoto: null,
    usefulFor: ['new-graduate', 'can-register-flexible', 'card-active', 'not-pensioner'],
    spells: [],
    card: { cardNumber: 'QD7390514', status: '正常', bank: '中国银行青岛分行', issuedDate: '2020-09-01' },
  },
  {
    citizenId: 'QD0009',
    name: '杨帆',
    idNumber: '370283199304110396',
    phone: '13605329909',
    referencePhoto: 'faces/faceapi__stuart/stuart1.png',
    usefulFor: ['card-replacing', 'not-pensioner'],
    spells: [{ payer: '青岛西海岸软件科技有限公司', from: '2016-07', until: 'ongoing', startingBase: 5100, types: ALL_TYPES }],
    card: { cardNumber: 'QD8052637', status: '补卡中', bank: '中国工商银行青岛分行', issuedDate: '2016-08-30' },
  },
  {
    citizenId: 'QD0010',
    name: '吴国华',
    idNumber: '370285196805090150',
    phone: '13805320010',
    referencePhoto: null,
    usefulFor: ['long-history', 'card-active', 'not-pensioner'],
    spells: [
      { payer: '青岛胶州湾纺织厂', from: '1996-01', until: '2008-12', startingBase: 700, types: ALL_TYPES },
      { payer: '青岛海晟机械有限公司', from: '2009-01', until: 'ongoing', startingBase: 2600, types: ALL_TYPES },
    ],
    card: { cardNumber: 'QD1265309', status: '正常', bank: '青岛银行', issuedDate: '2013-10-15' },
  },
];
