import type { RetirementCategory, RetirementProfile } from '../../backend/backendTypes.js';
import type { RouteSlots } from '../../nlu/extractSlots.js';
import { pendingTransferIn, type PendingTransfer } from './pendingPensionTransfer.js';
import type { OpenQuery, PersonalQueryAnswer } from './personalQuery.js';
import { dayLabel, monthLabel, yearsAndMonths } from './personalQuery.js';
import { ageLabel, statutoryRetirement, type OriginalRetirementAge } from './retirementAge.js';

const title = '退休年龄测算';

/** The knowledge-base entries (data/kb/D10.json) the answer rests on, by original retirement age; cited on screen. */
export const RETIREMENT_KB_ENTRIES = {
  60: { id: 'retirement-age-men', title: '男职工的退休年龄怎么延迟' },
  55: { id: 'retirement-age-women-cadre', title: '原来55岁退休的女职工怎么延迟' },
  50: { id: 'retirement-age-women-worker', title: '原来50岁退休的女职工怎么延迟' },
  reform: { id: 'retirement-reform-start', title: '延迟退休从什么时候开始、怎么调整' },
} as const;

const BASIS = '依据：全国人大常委会《关于实施渐进式延迟法定退休年龄的决定》（2024年9月13日通过，2025年1月1日起施行）及所附对照表';

type Whose = { kind: 'employee'; originalAge: OriginalRetirementAge; label: string } | { kind: 'resident' };

const FROM_SLOT: Record<'男' | '女干部' | '女工人', Whose> = {
  男: { kind: 'employee', originalAge: 60, label: '男职工' },
  女干部: { kind: 'employee', originalAge: 55, label: '原55岁退休的女职工（干部、管理技术岗位、灵活就业）' },
  女工人: { kind: 'employee', originalAge: 50, label: '原50岁退休的女职工（工人岗位）' },
};

const FROM_RECORD: Record<RetirementCategory, Whose> = {
  男职工: FROM_SLOT.男,
  女职工55: FROM_SLOT.女干部,
  女职工50: FROM_SLOT.女工人,
  城乡居民: { kind: 'resident' },
};

/** Asks for exactly what is missing; nothing is computed. */
function ask(spoken: string): PersonalQueryAnswer {
  return { title, spoken, screen: spoken, empty: true };
}

function missingCategory(partial: RouteSlots['retirementCategory']): string {
  if (partial === '女') return '请问您是女干部（管理或技术岗位，原来55岁退休的那类），还是女工人（原来50岁退休的那类）？';
  if (partial === '干部' || partial === '工人') return '请问您是男同志还是女同志？';
  return '请问您是男职工、女干部（管理或技术岗位），还是女工人？';
}

interface Stated {
  year?: number;
  month?: number;
  whose?: Whose;
  partial?: RouteSlots['retirementCategory'];
}

function stated(slots: RouteSlots): Stated | null {
  const category = slots.retirementCategory;
  if (!slots.birthYearMonth && !category) return null;
  const whose = category === '男' || category === '女干部' || category === '女工人' ? FROM_SLOT[category] : undefined;
  return { year: slots.birthYearMonth?.year, month: slots.birthYearMonth?.month, whose, partial: category };
}

function answerFor(year: number, month: number, whose: Whose, record: RetirementProfile | null, transfer: PendingTransfer | null = null): PersonalQueryAnswer {
  const born = `${year}年${month}月`;
  if (whose.kind === 'resident') {
    const at = `${year + 60}年${month}月`;
    return {
      title,
      spoken: `您参加的是城乡居民养老保险，这次延迟退休不改变它的领取年龄，仍是年满60周岁，也就是${at}起可以申请领取。领取前累计缴费要满15年。`,
      screen: [
        `出生年月：${born}`,
        '险种：城乡居民养老保险',
        `领取年龄：60周岁（${at}起）`,
        '这次延迟的是职工的法定退休年龄，城乡居民养老保险的领取年龄不变。',
        ...(record ? [`已缴费：${yearsAndMonths(record.residentPensionMonths)}`] : []),
        `知识库：${RETIREMENT_KB_ENTRIES.reform.title}（${RETIREMENT_KB_ENTRIES.reform.id}）`,
        BASIS,
      ].join('\n'),
      empty: false,
    };
  }
  const r = statutoryRetirement({ year, month }, whose.originalAge);
  const kb = RETIREMENT_KB_ENTRIES[whose.originalAge];
  const minimum = yearsAndMonths(r.minimumContributionMonths);
  const rule = r.delayMonths === 0 ? `不受延迟退休影响，仍是${ageLabel(r.age)}` : `法定退休年龄是${ageLabel(r.age)}`;
  const contributed = record ? record.pensionContributionMonths.total : null;
  const enough =
    contributed === null
      ? `按月领养老金，累计缴费最少要满${minimum}。`
      : contributed >= r.minimumContributionMonths
        ? `您现在累计缴费${yearsAndMonths(contributed)}，已经够最低年限${minimum}了。`
        : transfer
          ? `您在本地累计缴费${yearsAndMonths(contributed)}，从${transfer.fromRegion}转入的${transfer.months !== null ? `${yearsAndMonths(transfer.months)}` : '年限'}办结后会一并计算，按月领养老金最少要满${minimum}。`
          : `您现在累计缴费${yearsAndMonths(contributed)}，按月领养老金最少要满${minimum}，还差${yearsAndMonths(r.minimumContributionMonths - contributed)}。`;
  return {
    title,
    spoken: `按2025年起实施的渐进式延迟退休规定，${born}出生的${whose.label.replace(/（.*）/, '')}${rule}，${monthLabel(r.retirementMonth)}退休。${enough}`,
    screen: [
      `出生年月：${born}`,
      `人员类别：${whose.label}`,
      `原退休年龄：${r.originalAge}岁（原退休时间${monthLabel(r.originalRetirementMonth)}）`,
      `延迟：${r.delayMonths}个月`,
      `改革后法定退休年龄：${ageLabel(r.age)}`,
      `退休时间：${monthLabel(r.retirementMonth)}`,
      `按月领取养老金最低缴费年限：${minimum}（2030年起每年提高6个月，到2039年为20年）`,
      ...(record
        ? [`已累计缴费：${yearsAndMonths(record.pensionContributionMonths.total)}（实际缴费${record.pensionContributionMonths.paid}个月，视同缴费${record.pensionContributionMonths.deemed}个月）`]
        : []),
      ...(transfer ? [`转移接续：从${transfer.fromRegion}转入的${transfer.insurance}保险正在办理${transfer.months !== null ? `（${transfer.months}个月）` : ''}，办结后计入缴费年限`] : []),
      '弹性退休：满最低缴费年限的，可以自愿提前退休，最多提前3年，但不能早于原退休年龄；也可以和单位协商一致后延迟退休，最多延迟3年。',
      `知识库：${kb.title}（${kb.id}）`,
      BASIS,
      '本测算只供参考，以社保经办机构核定为准。',
    ].join('\n'),
    empty: false,
  };
}

/**
 * 退休年龄测算 under the 2025 gradual reform: from the birth month and category the citizen states, or, when the visit
 * is verified and the citizen stated nothing, from the record. What the citizen says wins over the record (they may be
 * asking for someone else: "我老伴65年的，啥时候退"), and then nothing is taken from the record. Whatever is missing
 * is asked for, and nothing is computed.
 */
export const retirementAgeQuery: OpenQuery = {
  service: 'estimate_retirement_age',
  ifWrong: '测算按出生年月和人员类别计算，只供参考；如果您的出生日期或者身份类别（干部还是工人）在档案里有出入，请带上身份证和人事档案材料到养老保险窗口核定。',
  async answer(backend, slots, verifiedCitizenId) {
    const said = stated(slots);
    if (said) {
      if (said.year === undefined && !said.whose) return ask(`请告诉我出生年月，比如“1970年5月”。${said.partial ? missingCategory(said.partial).replace('请问', '还有，') : ''}`);
      if (said.year === undefined) return ask('请告诉我出生年月，比如“1970年5月”。');
      if (said.month === undefined && !said.whose) return ask(`请再告诉我是${said.year}年几月出生的。${missingCategory(said.partial).replace('请问', '还有，')}`);
      if (said.month === undefined) return ask(`请再告诉我是${said.year}年几月出生的。`);
      if (!said.whose) return ask(missingCategory(said.partial));
      return answerFor(said.year, said.month, said.whose, null);
    }
    if (!verifiedCitizenId) return ask('请告诉我出生年月，还有您是男职工、女干部（管理或技术岗位），还是女工人，我来帮您算。');
    const record = await backend.getRetirementProfile(verifiedCitizenId);
    if (record.retiredOn) return { title, spoken: `您已经在${dayLabel(record.retiredOn)}办理了退休，不需要再测算退休年龄。`, screen: `已退休：${dayLabel(record.retiredOn)}`, empty: false };
    const [year, month] = record.birthDate.split('-').map(Number) as [number, number];
    // No insurance on record, so no category: a man's age is the same in any post; a woman is asked which rule was hers.
    if (!record.category) return record.sex === '男' ? answerFor(year, month, FROM_SLOT.男, record) : ask(`您还没有参保记录，看不出按哪类人员算。${missingCategory('女')}`);
    const whose = FROM_RECORD[record.category];
    return answerFor(year, month, whose, record, whose.kind === 'employee' ? await pendingTransferIn(backend, verifiedCitizenId) : null);
  },
};
