/**
 * The simulator's fictional citizens. Every name, number, employer, certificate and tracking number is invented
 * (the ID numbers carry valid GB 11643 check characters and Qingdao 3702xx area codes so the kiosk's checks pass).
 * Dates that must stay "current" (ongoing jobs, the pension authentication cycle, applications in progress) are
 * given relative to the day the database is seeded; the contribution amounts are generated from a seed per citizen.
 */
import {
  FLEXIBLE_EMPLOYMENT_PAYER,
  type ApplicationChannel,
  type CardStatus,
  type DemoTag,
  type InsuranceType,
  type RetirementCategory,
} from '../backendTypes.js';

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
  'no-insurance-record': '没有任何参保记录',
  'contribution-gaps': '缴费有中断',
  'several-employers': '换过多家单位',
  'transfer-in-progress': '跨省转移接续办理中',
  'receiving-unemployment-benefit': '正在领取失业保险金',
  'work-injury': '工伤保险待遇',
  'resident-pension': '城乡居民养老保险',
  'card-temporary-loss': '社保卡临时挂失',
  'card-sealed': '社保卡已封存',
  'card-in-production': '社保卡制卡中',
  'card-ready-for-pickup': '新社保卡待领取',
  'card-mailed': '新社保卡已邮寄',
  'skill-certificate': '有职业技能等级证书',
  'employment-certificate': '有就业创业证',
  'kiosk-application': '在自助机办过业务',
  'near-retirement': '临近退休',
  'retirement-female-50': '女职工（原50岁退休）',
  'retirement-female-55': '女职工（原55岁退休）',
  'laid-off-not-registered': '刚失业，未办失业登记',
  'unemployment-registered': '已办失业登记，未申领失业保险金',
  resigned: '个人辞职',
  'skill-subsidy-eligible': '可申领技能提升补贴',
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

/** A day fixed in the past, or so many days before the seed day (for things still in progress). */
export type SeedDay = string | { daysBeforeSeed: number };

export interface UnemploymentClaimSeed {
  /** First benefit month: fixed, or the month after the last employer spell ended. */
  firstMonth: string | 'after-last-job';
  monthlyAmount: number;
  /** A claim stopped early (re-employed) after so many payments; otherwise every month whose pay day has come is paid. */
  stoppedAfterMonths?: number;
  /** The public employment office of the 失业登记 that goes with the claim. */
  office: string;
}

export interface WorkInjurySeed {
  caseId: string;
  injuryDate: string;
  employer: string;
  recognisedDate: string | null;
  disabilityGrade: number | null;
  assessedDate: string | null;
  benefits: Array<{
    kind: '工伤医疗费' | '住院伙食补助费' | '停工留薪期工资' | '一次性伤残补助金' | '伤残津贴' | '生活护理费' | '一次性工伤医疗补助金';
    amount: number;
    period: { from: string; to: string } | null;
    paidDate: string | null;
    payer: '工伤保险基金' | '用人单位';
  }>;
}

export interface ResidentPensionSeed {
  town: string;
  startYear: number;
  /** Grade (yuan a year) chosen from each listed year on. */
  grades: Array<{ fromYear: number; grade: number }>;
  missedYears: number[];
  /** Yearly village subsidy, yuan. */
  collectiveSubsidy: number;
}

export interface CardApplicationSeed {
  serial: string;
  kind: '首次申领' | '补卡' | '换卡';
  channel: ApplicationChannel;
  appliedDaysBeforeSeed: number;
  stages: Array<{ stage: '已受理' | '制卡中' | '待领取' | '已邮寄' | '已领取'; daysAfterApplied: number }>;
  pickup?: { hall: string; window: string };
  delivery?: { carrier: string; trackingNumber: string };
}

export interface TransferSeed {
  serial: string;
  insurance: '养老' | '医疗';
  direction: '转入' | '转出';
  fromRegion: string;
  toRegion: string;
  applied: SeedDay;
  stages: Array<{ stage: '已受理' | '已发联系函' | '转出地已确认' | '基金已划转' | '已办结'; daysAfterApplied: number }>;
  /** Months carried over (known from 转出地已确认 on). */
  months: number;
}

export interface DemoCitizenSeed {
  citizenId: string;
  name: string;
  idNumber: string;
  phone: string;
  /** Relative to the shared data folder (../shared/data beside the checkout): a face image of the same identity for verification. */
  referencePhoto: string | null;
  usefulFor: DemoTag[];
  /** Whose retirement age applies; null when the record cannot tell. */
  retirementCategory: RetirementCategory | null;
  /** 视同缴费: months worked before 1996, when personal accounts began. */
  deemedMonths?: number;
  spells: ContributionSpell[];
  pension?: DemoPension;
  card: { cardNumber: string; status: CardStatus; bank: string; issuedDate: string; statusSince?: SeedDay };
  flexibleRegistration?: { employmentType: '个体经营' | '非全日制' | '新就业形态' | '其他灵活就业'; contributionLevel: number; residenceStreet: string; startMonth: string };
  /** A card loss reported at another kiosk in the hall (so 业务办理进度 has a kiosk entry from the start). */
  kioskCardLoss?: { daysBeforeSeed: number; kioskId: string };
  unemploymentClaims?: UnemploymentClaimSeed[];
  /** A 失业登记 made at a window (with why the last job ended) and no 失业保险金 applied for yet; the job is the last spell. */
  unemploymentRegistration?: { daysBeforeSeed: number; reason: '单位解除/终止合同' | '合同到期' | '个人辞职' | '其他'; office: string };
  /** 就业创业证: issued on a fixed day, or on the day of the (latest) 失业登记. */
  employmentCertificate?: { areaCode: string; serial: string; issued: string | 'with-unemployment-registration'; issuedBy: string; status: '有效' | '已注销' };
  workInjuries?: WorkInjurySeed[];
  residentPension?: ResidentPensionSeed;
  cardApplications?: CardApplicationSeed[];
  transfers?: TransferSeed[];
  skillCertificates?: Array<{ certificateNumber: string; occupation: string; level: '五级/初级工' | '四级/中级工' | '三级/高级工' | '二级/技师' | '一级/高级技师'; issuedDate: SeedDay; issuingBody: string; status: '有效' | '已注销' }>;
}

/** A checksum-valid Qingdao ID number that belongs to no demo citizen: the lookup answers 404 (没有参保记录). */
export const DEMO_UNREGISTERED_ID_NUMBER = '370202199001011237';

/** The hall the demo's cards are collected at. */
const PICKUP_HALL = '青岛市市南区人力资源和社会保障局服务大厅';

export const demoCitizenSeeds: readonly DemoCitizenSeed[] = [
  {
    citizenId: 'QD0001',
    name: '王秀兰',
    idNumber: '370203196203150422',
    phone: '13805321101',
    referencePhoto: 'faces/faceapi__amy/amy1.png',
    usefulFor: ['pensioner-due-auth', 'card-active'],
    retirementCategory: '女职工50',
    deemedMonths: 184,
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
    retirementCategory: '男职工',
    deemedMonths: 244,
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
    retirementCategory: '女职工50',
    deemedMonths: 226,
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
    retirementCategory: '男职工',
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
    usefulFor: ['card-lost', 'not-pensioner', 'kiosk-application', 'retirement-female-55'],
    retirementCategory: '女职工55',
    spells: [{ payer: '青岛崂山湾食品有限公司', from: '2013-07', until: 'ongoing', startingBase: 3200, types: ALL_TYPES }],
    card: { cardNumber: 'QD6604172', status: '挂失', bank: '青岛银行', issuedDate: '2018-06-21', statusSince: { daysBeforeSeed: 5 } },
    kioskCardLoss: { daysBeforeSeed: 5, kioskId: 'kiosk-qd-sn-02' },
  },
  {
    citizenId: 'QD0006',
    name: '陈海涛',
    idNumber: '370214197909300510',
    phone: '15905326606',
    referencePhoto: 'faces/faceapi__raj/raj1.png',
    usefulFor: ['flexible-worker', 'card-active', 'not-pensioner', 'contribution-gaps', 'employment-certificate'],
    retirementCategory: '男职工',
    spells: [
      { payer: '青岛城阳家电配件有限公司', from: '2001-03', until: '2015-10', startingBase: 1150, types: ALL_TYPES },
      // Three unpaid months in 2019, and a higher level (档次) from 2021.
      { payer: FLEXIBLE_EMPLOYMENT_PAYER, from: '2016-03', until: '2019-04', level: 60, types: FLEXIBLE_TYPES },
      { payer: FLEXIBLE_EMPLOYMENT_PAYER, from: '2019-08', until: '2020-12', level: 60, types: FLEXIBLE_TYPES },
      { payer: FLEXIBLE_EMPLOYMENT_PAYER, from: '2021-01', until: 'ongoing', level: 100, types: FLEXIBLE_TYPES },
    ],
    card: { cardNumber: 'QD2741853', status: '正常', bank: '中国农业银行青岛分行', issuedDate: '2016-02-17' },
    flexibleRegistration: { employmentType: '个体经营', contributionLevel: 100, residenceStreet: '城阳街道', startMonth: '2016-03' },
    employmentCertificate: { areaCode: '370214', serial: '000218', issued: '2016-02-22', issuedBy: '青岛市城阳区公共就业和人才服务中心', status: '有效' },
  },
  {
    citizenId: 'QD0007',
    name: '赵磊',
    idNumber: '370281198812050732',
    phone: '18805327707',
    referencePhoto: 'faces/faceapi__sheldon/sheldon1.png',
    usefulFor: ['unemployed', 'receiving-unemployment-benefit', 'can-register-flexible', 'card-active', 'not-pensioner', 'employment-certificate'],
    retirementCategory: '男职工',
    spells: [{ payer: '青岛李沧德顺餐饮管理有限公司', from: '2011-07', until: { monthsBeforeSeed: 8 }, startingBase: 2100, types: ALL_TYPES }],
    card: { cardNumber: 'QD4418026', status: '正常', bank: '青岛农商银行', issuedDate: '2012-04-09' },
    unemploymentClaims: [{ firstMonth: 'after-last-job', monthlyAmount: 1980, office: '青岛市李沧区公共就业和人才服务中心' }],
    employmentCertificate: { areaCode: '370213', serial: '004417', issued: 'with-unemployment-registration', issuedBy: '青岛市李沧区公共就业和人才服务中心', status: '有效' },
  },
  {
    citizenId: 'QD0008',
    name: '孙悦',
    idNumber: '370215200207210861',
    phone: '17705328808',
    referencePhoto: null,
    usefulFor: ['new-graduate', 'no-insurance-record', 'can-register-flexible', 'card-active', 'not-pensioner'],
    retirementCategory: null,
    spells: [],
    card: { cardNumber: 'QD7390514', status: '正常', bank: '中国银行青岛分行', issuedDate: '2020-09-01' },
  },
  {
    citizenId: 'QD0009',
    name: '杨帆',
    idNumber: '370283199304110396',
    phone: '13605329909',
    referencePhoto: 'faces/faceapi__stuart/stuart1.png',
    usefulFor: ['card-replacing', 'card-in-production', 'not-pensioner'],
    retirementCategory: '男职工',
    spells: [{ payer: '青岛西海岸软件科技有限公司', from: '2016-07', until: 'ongoing', startingBase: 5100, types: ALL_TYPES }],
    card: { cardNumber: 'QD8052637', status: '补卡中', bank: '中国工商银行青岛分行', issuedDate: '2016-08-30', statusSince: { daysBeforeSeed: 6 } },
    cardApplications: [{
      serial: '0031', kind: '补卡', channel: '服务窗口', appliedDaysBeforeSeed: 6,
      stages: [{ stage: '已受理', daysAfterApplied: 0 }, { stage: '制卡中', daysAfterApplied: 1 }],
    }],
  },
  {
    citizenId: 'QD0010',
    name: '吴国华',
    idNumber: '370285196805090150',
    phone: '13805320010',
    referencePhoto: null,
    usefulFor: ['long-history', 'near-retirement', 'card-active', 'not-pensioner'],
    retirementCategory: '男职工',
    deemedMonths: 114,
    spells: [
      { payer: '青岛胶州湾纺织厂', from: '1996-01', until: '2008-12', startingBase: 700, types: ALL_TYPES },
      { payer: '青岛海晟机械有限公司', from: '2009-01', until: 'ongoing', startingBase: 2600, types: ALL_TYPES },
    ],
    card: { cardNumber: 'QD1265309', status: '正常', bank: '青岛银行', issuedDate: '2013-10-15' },
  },
  {
    citizenId: 'QD0011',
    name: '马晓燕',
    idNumber: '370203198709262842',
    phone: '15165321111',
    referencePhoto: null,
    usefulFor: ['several-employers', 'contribution-gaps', 'card-temporary-loss', 'skill-certificate', 'employment-certificate', 'retirement-female-50', 'not-pensioner'],
    retirementCategory: '女职工50',
    spells: [
      { payer: '青岛市南海韵广告有限公司', from: '2010-07', until: '2013-05', startingBase: 2200, types: ALL_TYPES },
      { payer: '青岛崂山科创园物业管理有限公司', from: '2014-01', until: '2018-08', startingBase: 3300, types: ALL_TYPES },
      { payer: '青岛市北和美养老服务中心', from: '2019-03', until: 'ongoing', startingBase: 4100, types: ALL_TYPES },
    ],
    card: { cardNumber: 'QD3370815', status: '临时挂失', bank: '青岛银行', issuedDate: '2019-05-06', statusSince: { daysBeforeSeed: 2 } },
    // Out of work 2018-09 to 2019-02: six months of benefit, stopped when she found the next job (12 months kept).
    unemploymentClaims: [{ firstMonth: '2018-09', monthlyAmount: 1458, stoppedAfterMonths: 6, office: '青岛市市北区公共就业和人才服务中心' }],
    employmentCertificate: { areaCode: '370203', serial: '002906', issued: 'with-unemployment-registration', issuedBy: '青岛市市北区公共就业和人才服务中心', status: '有效' },
    skillCertificates: [
      { certificateNumber: 'S000037020003204000517', occupation: '养老护理员', level: '四级/中级工', issuedDate: '2021-11-26', issuingBody: '青岛颐康职业技能评价中心', status: '有效' },
    ],
  },
  {
    citizenId: 'QD0012',
    name: '郑伟',
    idNumber: '370212198305141733',
    phone: '13964221212',
    referencePhoto: null,
    usefulFor: ['transfer-in-progress', 'card-ready-for-pickup', 'card-active', 'not-pensioner'],
    retirementCategory: '男职工',
    // 2006-07 to 2019-10 in Suzhou: those months reach the Qingdao record only when the 养老 transfer completes.
    spells: [{ payer: '青岛高新区智能装备有限公司', from: '2020-01', until: 'ongoing', startingBase: 6800, types: ALL_TYPES }],
    card: { cardNumber: 'QD9013326', status: '正常', bank: '中国建设银行青岛分行', issuedDate: '2020-02-14' },
    transfers: [
      {
        serial: '0208', insurance: '养老', direction: '转入', fromRegion: '江苏省苏州市', toRegion: '山东省青岛市', applied: { daysBeforeSeed: 40 },
        stages: [{ stage: '已受理', daysAfterApplied: 0 }, { stage: '已发联系函', daysAfterApplied: 3 }, { stage: '转出地已确认', daysAfterApplied: 26 }],
        months: 160,
      },
      {
        serial: '0051', insurance: '医疗', direction: '转入', fromRegion: '江苏省苏州市', toRegion: '山东省青岛市', applied: '2020-03-02',
        stages: [
          { stage: '已受理', daysAfterApplied: 0 }, { stage: '已发联系函', daysAfterApplied: 2 }, { stage: '转出地已确认', daysAfterApplied: 21 },
          { stage: '基金已划转', daysAfterApplied: 37 }, { stage: '已办结', daysAfterApplied: 45 },
        ],
        months: 160,
      },
    ],
    cardApplications: [{
      serial: '0112', kind: '换卡', channel: '服务窗口', appliedDaysBeforeSeed: 12,
      stages: [{ stage: '已受理', daysAfterApplied: 0 }, { stage: '制卡中', daysAfterApplied: 1 }, { stage: '待领取', daysAfterApplied: 9 }],
      pickup: { hall: PICKUP_HALL, window: '3号窗口' },
    }],
  },
  {
    citizenId: 'QD0013',
    name: '孙立军',
    idNumber: '370211197503083510',
    phone: '18653291313',
    referencePhoto: null,
    usefulFor: ['work-injury', 'card-mailed', 'skill-certificate', 'card-active', 'not-pensioner'],
    retirementCategory: '男职工',
    spells: [{ payer: '青岛黄岛建工集团有限公司', from: '2003-04', until: 'ongoing', startingBase: 1500, types: ALL_TYPES }],
    card: { cardNumber: 'QD2208471', status: '正常', bank: '中国农业银行青岛分行', issuedDate: '2014-03-27' },
    workInjuries: [{
      caseId: 'RD2023-0456', injuryDate: '2023-06-12', employer: '青岛黄岛建工集团有限公司', recognisedDate: '2023-08-03',
      disabilityGrade: 9, assessedDate: '2024-01-16',
      benefits: [
        { kind: '工伤医疗费', amount: 18640.5, period: null, paidDate: '2023-09-28', payer: '工伤保险基金' },
        { kind: '住院伙食补助费', amount: 1200, period: null, paidDate: '2023-09-28', payer: '工伤保险基金' },
        { kind: '停工留薪期工资', amount: 43400, period: { from: '2023-06', to: '2023-12' }, paidDate: '2024-01-10', payer: '用人单位' },
        { kind: '一次性伤残补助金', amount: 55800, period: null, paidDate: '2024-02-20', payer: '工伤保险基金' },
      ],
    }],
    cardApplications: [{
      serial: '0087', kind: '换卡', channel: '网上办理', appliedDaysBeforeSeed: 20,
      stages: [{ stage: '已受理', daysAfterApplied: 0 }, { stage: '制卡中', daysAfterApplied: 2 }, { stage: '已邮寄', daysAfterApplied: 16 }],
      delivery: { carrier: '中国邮政EMS', trackingNumber: '1183069412207' },
    }],
    skillCertificates: [
      { certificateNumber: 'S000037021002193000284', occupation: '电工', level: '三级/高级工', issuedDate: '2019-11-20', issuingBody: '青岛海建职业技能评价中心', status: '有效' },
      { certificateNumber: 'Y000037021005156000031', occupation: '焊工', level: '五级/初级工', issuedDate: '2015-06-30', issuingBody: '青岛黄岛建工集团有限公司', status: '已注销' },
    ],
  },
  {
    citizenId: 'QD0014',
    name: '于秀英',
    idNumber: '370282196607124269',
    phone: '15263241414',
    referencePhoto: null,
    usefulFor: ['resident-pension', 'card-sealed', 'contribution-gaps', 'near-retirement', 'not-pensioner'],
    retirementCategory: '城乡居民',
    spells: [],
    card: { cardNumber: 'QD0476139', status: '封存', bank: '青岛农商银行', issuedDate: '2013-06-18', statusSince: '2023-11-02' },
    residentPension: {
      town: '即墨区移风店镇', startYear: 2012, missedYears: [2016], collectiveSubsidy: 50,
      grades: [{ fromYear: 2012, grade: 300 }, { fromYear: 2017, grade: 500 }, { fromYear: 2021, grade: 1000 }],
    },
  },
  // 失业登记 and 失业保险金申领 (helper C): laid off and not registered; registered and entitled; resigned.
  {
    citizenId: 'QD0023',
    name: '韩志刚',
    idNumber: '370203198409170532',
    phone: '13853292323',
    referencePhoto: 'faces/lfw__Jiang_Zemin/Jiang_Zemin_0006.jpg',
    usefulFor: ['laid-off-not-registered', 'unemployed', 'card-active', 'not-pensioner'],
    retirementCategory: '男职工',
    // Laid off: the employer's last month was two months before the seed month; about 8 years of 失业 contributions.
    spells: [{ payer: '青岛市南恒通电子有限公司', from: '2017-04', until: { monthsBeforeSeed: 2 }, startingBase: 3600, types: ALL_TYPES }],
    card: { cardNumber: 'QD5832019', status: '正常', bank: '青岛银行', issuedDate: '2017-06-12' },
  },
  {
    citizenId: 'QD0024',
    name: '曹建军',
    idNumber: '370205197804030714',
    phone: '15853292424',
    referencePhoto: 'faces/lfw__Kofi_Annan/Kofi_Annan_0001.jpg',
    usefulFor: ['unemployment-registered', 'unemployed', 'long-history', 'card-active', 'not-pensioner'],
    retirementCategory: '男职工',
    // The contract ran out three months before the seed month and was not renewed; over 10 years paid.
    spells: [{ payer: '青岛四方机车配件有限公司', from: '2010-03', until: { monthsBeforeSeed: 3 }, startingBase: 2500, types: ALL_TYPES }],
    card: { cardNumber: 'QD6290347', status: '正常', bank: '中国工商银行青岛分行', issuedDate: '2014-08-26' },
    unemploymentRegistration: { daysBeforeSeed: 20, reason: '合同到期', office: '青岛市市北区公共就业和人才服务中心' },
  },
  {
    citizenId: 'QD0025',
    name: '罗海峰',
    idNumber: '370212199206260352',
    phone: '18553292525',
    referencePhoto: 'faces/lfw__Mahathir_Mohamad/Mahathir_Mohamad_0003.jpg',
    usefulFor: ['resigned', 'unemployment-registered', 'unemployed', 'card-active', 'not-pensioner'],
    retirementCategory: '男职工',
    // Resigned two months before the seed month after almost four years; registered unemployed since.
    spells: [{ payer: '青岛崂山云海网络科技有限公司', from: '2021-05', until: { monthsBeforeSeed: 2 }, startingBase: 4800, types: ALL_TYPES }],
    card: { cardNumber: 'QD7145268', status: '正常', bank: '中国建设银行青岛分行', issuedDate: '2021-07-19' },
    unemploymentRegistration: { daysBeforeSeed: 12, reason: '个人辞职', office: '青岛市崂山区公共就业和人才服务中心' },
  },
  // 技能提升补贴 (helper D): one certificate issued this year; two to choose from (and one too old); a certificate but
  // no 失业保险 at all.
  {
    citizenId: 'QD0026',
    name: '宋家明',
    idNumber: '370202198805140734',
    phone: '13953292626',
    referencePhoto: null,
    usefulFor: ['skill-certificate', 'skill-subsidy-eligible', 'card-active', 'not-pensioner'],
    retirementCategory: '男职工',
    spells: [{ payer: '青岛市南鲁味餐饮有限公司', from: '2016-03', until: 'ongoing', startingBase: 3300, types: ALL_TYPES }],
    card: { cardNumber: 'QD4620738', status: '正常', bank: '青岛银行', issuedDate: '2016-05-09' },
    skillCertificates: [
      { certificateNumber: 'S000037020004254000126', occupation: '中式烹调师', level: '四级/中级工', issuedDate: { daysBeforeSeed: 45 }, issuingBody: '青岛鲁厨职业技能评价中心', status: '有效' },
    ],
  },
  {
    citizenId: 'QD0027',
    name: '蒋丽娟',
    idNumber: '370213199308210627',
    phone: '15953292727',
    referencePhoto: null,
    usefulFor: ['skill-certificate', 'skill-subsidy-eligible', 'card-active', 'not-pensioner', 'retirement-female-55'],
    retirementCategory: '女职工55',
    spells: [{ payer: '青岛李沧康乐家政服务有限公司', from: '2018-06', until: 'ongoing', startingBase: 3000, types: ALL_TYPES }],
    card: { cardNumber: 'QD5081946', status: '正常', bank: '青岛农商银行', issuedDate: '2018-08-14' },
    skillCertificates: [
      { certificateNumber: 'S000037021302234000458', occupation: '育婴员', level: '四级/中级工', issuedDate: { daysBeforeSeed: 120 }, issuingBody: '青岛李沧职业技能评价中心', status: '有效' },
      { certificateNumber: 'S000037021303255000093', occupation: '保育师', level: '五级/初级工', issuedDate: { daysBeforeSeed: 30 }, issuingBody: '青岛李沧职业技能评价中心', status: '有效' },
      { certificateNumber: 'S000037021301225000217', occupation: '家政服务员', level: '五级/初级工', issuedDate: '2022-04-15', issuingBody: '青岛李沧职业技能评价中心', status: '有效' },
    ],
  },
  {
    citizenId: 'QD0028',
    name: '田浩',
    idNumber: '370281200403160519',
    phone: '17753292828',
    referencePhoto: null,
    usefulFor: ['skill-certificate', 'no-insurance-record', 'card-active', 'not-pensioner'],
    retirementCategory: null,
    spells: [],
    card: { cardNumber: 'QD8816025', status: '正常', bank: '中国银行青岛分行', issuedDate: '2022-09-05' },
    skillCertificates: [
      { certificateNumber: 'S000037028105255000061', occupation: '汽车维修工', level: '五级/初级工', issuedDate: { daysBeforeSeed: 60 }, issuingBody: '青岛胶州职业技能评价中心', status: '有效' },
    ],
  },
];
