/** The personal queries (聊天查): the real client against the real simulator, each query with its demo cases. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackendError, DEMO_UNREGISTERED_ID_NUMBER, monthsInRange, type BackendClient, type PensionAccount } from '../../../app/core/backend/index.js';
import { KIOSK_ID, rejectionOf, startHarness, type Harness } from './simulatorHarness.js';

/** Today in every harness below unless a test sets its own clock: 2025-03-14, so the last payable month is 2025-02. */
const EVERYTHING = { from: '1990-01', to: '2030-12' };

async function backendErrorOf(action: Promise<unknown>): Promise<BackendError> {
  const error = await rejectionOf(action);
  expect(error).toBeInstanceOf(BackendError);
  return error as BackendError;
}

function fen(yuan: number): number {
  return Math.round(yuan * 100);
}

let harness: Harness;
let client: BackendClient;
beforeAll(async () => {
  harness = await startHarness();
  client = harness.client();
});
afterAll(() => harness.close());

describe('个人参保信息 (insurances)', () => {
  it('a flexible worker: 养老 and 医疗 paid by 灵活就业, the rest suspended, periods split at the unpaid months', async () => {
    const overview = await client.getInsuranceOverview('QD0006');
    expect(overview.isPensioner).toBe(false);
    expect(overview.insurances.map((insurance) => [insurance.type, insurance.status, insurance.currentPayer])).toEqual([
      ['养老', '参保缴费', '灵活就业'], ['医疗', '参保缴费', '灵活就业'], ['失业', '暂停缴费', null], ['工伤', '暂停缴费', null], ['生育', '暂停缴费', null],
    ]);
    expect(overview.employmentPeriods).toEqual([
      { payer: '青岛城阳家电配件有限公司', payerKind: '单位', from: '2001-03', to: '2015-10', months: 176, ongoing: false },
      { payer: '灵活就业', payerKind: '灵活就业', from: '2016-03', to: '2019-04', months: 38, ongoing: false },
      { payer: '灵活就业', payerKind: '灵活就业', from: '2019-08', to: '2025-02', months: 67, ongoing: true },
    ]);
  });

  it('several employers: one period each, only the last ongoing, and the current employer pays', async () => {
    const overview = await client.getInsuranceOverview('QD0011');
    expect(overview.employmentPeriods.map((period) => [period.payer, period.from, period.to, period.ongoing])).toEqual([
      ['青岛市南海韵广告有限公司', '2010-07', '2013-05', false],
      ['青岛崂山科创园物业管理有限公司', '2014-01', '2018-08', false],
      ['青岛市北和美养老服务中心', '2019-03', '2025-02', true],
    ]);
    expect(new Set(overview.insurances.map((insurance) => insurance.currentPayer))).toEqual(new Set(['青岛市北和美养老服务中心']));
  });

  it('a pensioner: every insurance 终止, nobody paying, nothing ongoing', async () => {
    const overview = await client.getInsuranceOverview('QD0002');
    expect(overview.isPensioner).toBe(true);
    for (const insurance of overview.insurances) expect(insurance).toMatchObject({ status: '终止', endPeriod: '2016-08', currentPayer: null });
    expect(overview.employmentPeriods.every((period) => !period.ongoing)).toBe(true);
  });

  it('a farmer: only 城乡居民养老, paid by herself, no employment', async () => {
    const overview = await client.getInsuranceOverview('QD0014');
    expect(overview.insurances).toEqual([{ type: '城乡居民养老', status: '参保缴费', startPeriod: '2012-01', endPeriod: null, currentPayer: '个人' }]);
    expect(overview.employmentPeriods).toEqual([]);
  });

  it('no insurance at all: empty lists, not an error', async () => {
    expect(await client.getInsuranceOverview('QD0008')).toEqual({ citizenId: 'QD0008', isPensioner: false, insurances: [], employmentPeriods: [] });
  });

  it('agrees with the certificate on status and periods of the employee insurances', async () => {
    for (const citizenId of ['QD0003', 'QD0004', 'QD0007']) {
      const [overview, certificate] = await Promise.all([client.getInsuranceOverview(citizenId), client.getCertificateData(citizenId)]);
      expect(overview.insurances.map(({ type, status, startPeriod, endPeriod }) => ({ type, status, startPeriod, endPeriod })))
        .toEqual(certificate.insurances.map(({ type, status, startPeriod, endPeriod }) => ({ type, status, startPeriod, endPeriod })));
    }
  });
});

describe('累计缴费月数 (contribution-months)', () => {
  it('counts the months of each insurance as the records show them, with deemed months for 养老 only', async () => {
    const months = await client.getContributionMonths('QD0010');
    expect(months.asOfMonth).toBe('2025-02');
    const records = (await client.getContributions('QD0010', EVERYTHING)).records;
    for (const insurance of months.insurances) {
      const paid = records.filter((record) => record.type === insurance.type).length;
      expect(insurance.paidMonths).toBe(paid);
      expect(insurance.deemedMonths).toBe(insurance.type === '养老' ? 114 : 0);
      expect(insurance.totalMonths).toBe(paid + insurance.deemedMonths);
      expect(insurance).toMatchObject({ firstMonth: '1996-01', lastMonth: '2025-02', gaps: [] });
    }
  });

  it('lists the gaps between jobs (断缴), month by month', async () => {
    const pension = (await client.getContributionMonths('QD0011')).insurances.find((insurance) => insurance.type === '养老')!;
    expect(pension.gaps).toEqual([{ from: '2013-06', to: '2013-12', months: 7 }, { from: '2018-09', to: '2019-02', months: 6 }]);
    expect(pension.paidMonths).toBe(monthsInRange('2010-07', '2025-02').length - 13);
  });

  it('does not call the months since the last payment a gap', async () => {
    const insurances = (await client.getContributionMonths('QD0007')).insurances;
    for (const insurance of insurances) expect(insurance).toMatchObject({ lastMonth: '2024-07', gaps: [] });
  });

  it('counts 城乡居民养老 by the year: twelve months a year paid, a missed year a twelve-month gap', async () => {
    expect((await client.getContributionMonths('QD0014')).insurances).toEqual([{
      type: '城乡居民养老', paidMonths: 12 * 12, deemedMonths: 0, totalMonths: 144, firstMonth: '2012-01', lastMonth: '2024-12',
      gaps: [{ from: '2016-01', to: '2016-12', months: 12 }],
    }]);
  });

  it('is empty for a citizen with no insurance', async () => {
    expect((await client.getContributionMonths('QD0008')).insurances).toEqual([]);
  });
});

/** Each closed year follows from the one before: opening + credited + interest − paid out. */
function expectChained(account: PensionAccount): void {
  let balance = 0;
  for (const year of account.years) {
    balance += fen(year.creditedAmount) + fen(year.interest) - fen(year.paidOut);
    expect(fen(year.closingBalance), String(year.year)).toBe(balance);
    expect(year.closingBalance).toBeGreaterThanOrEqual(0);
  }
}

describe('养老个人账户 (pension-accounts)', () => {
  it('credits 8 % of each month’s base, books interest per closed year, and leaves the open year’s interest for its end', async () => {
    const { accounts } = await client.getPensionAccounts('QD0004');
    expect(accounts).toHaveLength(1);
    const account = accounts[0]!;
    expect(account).toMatchObject({ scheme: '职工养老', asOfDate: '2025-02-28' });
    expect(account.years.map((year) => year.year)).toEqual(Array.from({ length: 2024 - 2008 + 1 }, (_, i) => 2008 + i));

    const pensionRecords = (await client.getContributions('QD0004', EVERYTHING)).records.filter((record) => record.type === '养老');
    const creditOf = (year: number) => pensionRecords.filter((record) => record.month.startsWith(`${year}-`)).reduce((sum, record) => sum + Math.round(fen(record.base) * 0.08), 0);
    let opening = 0;
    for (const year of account.years) {
      expect(fen(year.creditedAmount), String(year.year)).toBe(creditOf(year.year));
      const rate = year.interestRatePercent / 100;
      expect(fen(year.interest), String(year.year)).toBe(Math.round(opening * rate + creditOf(year.year) * rate * 1.083 * 0.5));
      expect(year.paidOut).toBe(0);
      opening = fen(year.closingBalance);
    }
    expect(account.years.find((year) => year.year === 2024)?.interestRatePercent).toBe(2.62);
    expectChained(account);
    expect(account.thisYear).toEqual({ year: 2025, creditedAmount: creditOf(2025) / 100, interest: null });
    expect(fen(account.balance)).toBe(opening + creditOf(2025));
  });

  it('a pensioner’s account pays out every month a pension is paid, and shrinks', async () => {
    const account = (await client.getPensionAccounts('QD0001')).accounts[0]!;
    expectChained(account);
    const after = account.years.filter((year) => year.year >= 2013);
    expect(after.every((year) => year.paidOut > 0 && year.creditedAmount === 0)).toBe(true);
    expect(after.at(-1)!.closingBalance).toBeLessThan(after[0]!.closingBalance);
    // Dated by the last pension payment (the 10th of this month).
    expect(account.asOfDate).toBe('2025-03-10');
    expect(account.balance).toBeGreaterThan(0);
  });

  it('a farmer has the resident account: her payments and both subsidies', async () => {
    const [{ accounts }, resident] = await Promise.all([client.getPensionAccounts('QD0014'), client.getResidentPension('QD0014')]);
    expect(accounts.map((account) => account.scheme)).toEqual(['城乡居民养老']);
    const account = accounts[0]!;
    expectChained(account);
    for (const paid of resident.years) {
      expect(account.years.find((year) => year.year === paid.year)?.creditedAmount).toBe(paid.personalAmount + paid.governmentSubsidy + paid.collectiveSubsidy);
    }
    expect(account.years.find((year) => year.year === 2016)?.creditedAmount).toBe(0);
    expect(account).toMatchObject({ balance: resident.accountBalance, asOfDate: '2024-06-18', thisYear: { year: 2025, creditedAmount: 0, interest: null } });
  });

  it('no account for a citizen who never paid', async () => {
    expect(await client.getPensionAccounts('QD0008')).toEqual({ citizenId: 'QD0008', accounts: [] });
  });
});

describe('失业保险金 (unemployment-benefit)', () => {
  it('a claim in payment: 24 months for 13 years insured, paid each month on the 20th, the rest remaining', async () => {
    const { claims } = await client.getUnemploymentBenefit('QD0007');
    expect(claims).toHaveLength(1);
    const claim = claims[0]!;
    expect(claim).toMatchObject({ status: '领取中', entitlementMonths: 24, monthlyAmount: 1980, firstMonth: '2024-08', lastMonth: '2026-07', paidMonths: 7, remainingMonths: 17 });
    expect(claim.payments.map((payment) => payment.month)).toEqual(monthsInRange('2024-08', '2025-02'));
    for (const payment of claim.payments) expect(payment).toEqual({ month: payment.month, amount: 1980, paidDate: `${payment.month}-20` });
  });

  it('a claim stopped when the citizen found work keeps the unpaid months', async () => {
    const claim = (await client.getUnemploymentBenefit('QD0011')).claims[0]!;
    expect(claim).toMatchObject({ status: '已停发', entitlementMonths: 18, paidMonths: 6, remainingMonths: 12, firstMonth: '2018-09' });
  });

  it('nothing for a citizen who never claimed', async () => {
    expect((await client.getUnemploymentBenefit('QD0004')).claims).toEqual([]);
  });
});

describe('工伤保险待遇 (work-injury)', () => {
  it('a recognised and assessed case with what was paid, by whom and for which months', async () => {
    const { cases } = await client.getWorkInjuryBenefits('QD0013');
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ caseId: 'RD2023-0456', injuryDate: '2023-06-12', stage: '已鉴定', recognisedDate: '2023-08-03', disabilityGrade: 9, assessedDate: '2024-01-16' });
    expect(cases[0]!.benefits.map((benefit) => [benefit.kind, benefit.amount, benefit.period, benefit.payer])).toEqual([
      ['工伤医疗费', 18640.5, null, '工伤保险基金'],
      ['住院伙食补助费', 1200, null, '工伤保险基金'],
      ['停工留薪期工资', 43400, { from: '2023-06', to: '2023-12' }, '用人单位'],
      ['一次性伤残补助金', 55800, null, '工伤保险基金'],
    ]);
  });

  it('no cases for everyone else', async () => {
    expect((await client.getWorkInjuryBenefits('QD0004')).cases).toEqual([]);
  });
});

describe('城乡居民养老保险 (resident-pension)', () => {
  it('the grade of each year paid with its subsidies, and the missed year', async () => {
    const resident = await client.getResidentPension('QD0014');
    expect(resident.enrolment).toEqual({ status: '参保缴费', startYear: 2012, town: '即墨区移风店镇' });
    expect(resident.years.map((year) => [year.year, year.grade, year.governmentSubsidy])).toEqual([
      [2012, 300, 60], [2013, 300, 60], [2014, 300, 60], [2015, 300, 60],
      [2017, 500, 80], [2018, 500, 80], [2019, 500, 80], [2020, 500, 80],
      [2021, 1000, 120], [2022, 1000, 120], [2023, 1000, 120], [2024, 1000, 120],
    ]);
    for (const year of resident.years) expect(year).toMatchObject({ personalAmount: year.grade, collectiveSubsidy: 50, paidDate: `${year.year}-06-18` });
    expect(resident.missedYears).toEqual([2016]);
  });

  it('nothing for a citizen outside the scheme', async () => {
    expect(await client.getResidentPension('QD0004')).toEqual({ citizenId: 'QD0004', enrolment: null, years: [], missedYears: [], accountBalance: 0 });
  });
});

describe('灵活就业 (GET flexible-employment)', () => {
  it('the registration, the level of each year, and the unpaid months since it started', async () => {
    const status = await client.getFlexibleEmployment('QD0006');
    expect(status.registration).toMatchObject({ registrationId: 'LHQD0006', startMonth: '2016-03', contributionLevel: 100, channel: '服务窗口', insuranceTypes: ['养老', '医疗'] });
    expect(status.years.map((year) => [year.year, year.level, year.monthsPaid])).toEqual([
      [2016, 60, 10], [2017, 60, 12], [2018, 60, 12], [2019, 60, 9], [2020, 60, 12],
      [2021, 100, 12], [2022, 100, 12], [2023, 100, 12], [2024, 100, 12], [2025, 100, 2],
    ]);
    expect(status.unpaidMonths).toEqual(['2019-05', '2019-06', '2019-07']);
    expect(status.lastPaidMonth).toBe('2025-02');

    const records = (await client.getContributions('QD0006', { from: '2024-01', to: '2024-12' })).records;
    const year2024 = status.years.find((year) => year.year === 2024)!;
    const sum = (type: string) => records.filter((record) => record.type === type).reduce((total, record) => total + fen(record.personalAmount), 0);
    expect(fen(year2024.pensionAmount)).toBe(sum('养老'));
    expect(fen(year2024.medicalAmount)).toBe(sum('医疗'));
    expect(fen(year2024.total)).toBe(sum('养老') + sum('医疗'));
    expect(year2024.monthlyBase).toBe(Math.max(...records.map((record) => record.base)));
  });

  it('nothing for a citizen who was never a flexible worker', async () => {
    expect(await client.getFlexibleEmployment('QD0004')).toEqual({ citizenId: 'QD0004', registration: null, years: [], lastPaidMonth: null, unpaidMonths: [] });
  });

  it('a pensioner who paid as a flexible worker long ago has the years but no registration', async () => {
    const status = await client.getFlexibleEmployment('QD0003');
    expect(status.registration).toBeNull();
    expect(status.years.map((year) => year.year)).toEqual([2004, 2005, 2006, 2007, 2008]);
    expect(status.years.every((year) => year.level === 60)).toBe(true);
    expect(status.unpaidMonths).toEqual([]);
  });
});

describe('社保卡状态 and 制卡进度 (card, card/applications)', () => {
  it('tells each status with the day it began', async () => {
    expect(await client.getCard('QD0011')).toMatchObject({ status: '临时挂失', statusSince: '2025-03-12' });
    expect(await client.getCard('QD0014')).toMatchObject({ status: '封存', statusSince: '2023-11-02' });
    expect(await client.getCard('QD0005')).toMatchObject({ status: '挂失', statusSince: '2025-03-09' });
    expect(await client.getCard('QD0004')).toMatchObject({ status: '正常', statusSince: '2017-03-08', issuedDate: '2017-03-08' });
  });

  it('a replacement in production: stages so far, nowhere to collect it yet', async () => {
    expect((await client.getCardApplications('QD0009')).applications).toEqual([{
      applicationId: 'ZK20250308-0031', kind: '补卡', channel: '服务窗口', appliedDate: '2025-03-08', stage: '制卡中',
      stages: [{ stage: '已受理', date: '2025-03-08' }, { stage: '制卡中', date: '2025-03-09' }], pickup: null, delivery: null,
    }]);
  });

  it('a card ready at a window of the hall', async () => {
    const application = (await client.getCardApplications('QD0012')).applications[0]!;
    expect(application).toMatchObject({ kind: '换卡', stage: '待领取', pickup: { hall: '青岛市市南区人力资源和社会保障局服务大厅', window: '3号窗口' }, delivery: null });
    expect(application.stages.map((stage) => stage.stage)).toEqual(['已受理', '制卡中', '待领取']);
  });

  it('a card mailed with its tracking number', async () => {
    const application = (await client.getCardApplications('QD0013')).applications[0]!;
    expect(application).toMatchObject({
      channel: '网上办理', stage: '已邮寄', pickup: null,
      delivery: { carrier: '中国邮政EMS', trackingNumber: '1183069412207', mailedDate: '2025-03-10' },
    });
  });

  it('no applications for a citizen who made none', async () => {
    expect((await client.getCardApplications('QD0004')).applications).toEqual([]);
  });
});

describe('关系转移接续 (transfers)', () => {
  it('a transfer from another province in progress, and a finished one, newest first', async () => {
    const { transfers } = await client.getTransfers('QD0012');
    expect(transfers.map((transfer) => [transfer.insurance, transfer.stage, transfer.transferredMonths, transfer.completedDate])).toEqual([
      ['养老', '转出地已确认', 160, null],
      ['医疗', '已办结', 160, '2020-04-16'],
    ]);
    expect(transfers[0]).toMatchObject({ direction: '转入', fromRegion: '江苏省苏州市', toRegion: '山东省青岛市', appliedDate: '2025-02-02' });
    expect(transfers[0]!.stages).toEqual([
      { stage: '已受理', date: '2025-02-02' }, { stage: '已发联系函', date: '2025-02-05' }, { stage: '转出地已确认', date: '2025-02-28' },
    ]);
    // The Suzhou months are not in the Qingdao record until the transfer completes.
    expect((await client.getContributionMonths('QD0012')).insurances[0]).toMatchObject({ type: '养老', firstMonth: '2020-01' });
  });

  it('none for everyone else', async () => {
    expect((await client.getTransfers('QD0004')).transfers).toEqual([]);
  });
});

describe('就业失业登记 and 就业创业证', () => {
  it('registered unemployed at an office, with the certificate issued that day', async () => {
    const registration = await client.getEmploymentRegistration('QD0007');
    expect(registration).toMatchObject({ status: '失业', since: '2024-08-05', employer: null, office: '青岛市李沧区公共就业和人才服务中心' });
    expect(registration.history.map((row) => [row.status, row.from, row.to])).toEqual([['就业', '2011-07-01', '2024-07-31'], ['失业', '2024-08-05', null]]);
    expect((await client.getEmploymentCertificate('QD0007')).certificate).toEqual({
      certificateNumber: '3702132024004417', issuedDate: '2024-08-05', issuedBy: '青岛市李沧区公共就业和人才服务中心', status: '有效',
    });
  });

  it('employed again after a spell of unemployment: the whole history in order', async () => {
    const registration = await client.getEmploymentRegistration('QD0011');
    expect(registration).toMatchObject({ status: '就业', since: '2019-03-01', employer: '青岛市北和美养老服务中心', office: null });
    expect(registration.history.map((row) => [row.status, row.from, row.to])).toEqual([
      ['就业', '2010-07-01', '2013-05-31'], ['就业', '2014-01-01', '2018-08-31'], ['失业', '2018-09-05', '2019-02-28'], ['就业', '2019-03-01', null],
    ]);
  });

  it('a flexible worker is employed as 灵活就业; a pensioner is 退休; nobody registered is 未登记', async () => {
    expect(await client.getEmploymentRegistration('QD0006')).toMatchObject({ status: '就业', employer: '灵活就业', since: '2016-03-01' });
    expect(await client.getEmploymentRegistration('QD0002')).toMatchObject({ status: '退休', since: '2016-08-02' });
    expect(await client.getEmploymentRegistration('QD0014')).toEqual({ citizenId: 'QD0014', status: '未登记', since: null, employer: null, office: null, history: [] });
    expect(await client.getEmploymentCertificate('QD0008')).toEqual({ citizenId: 'QD0008', certificate: null });
  });
});

describe('职业技能等级证书 (public lookup by number)', () => {
  it('finds each demo certificate with the holder’s name masked, however the number is typed', async () => {
    expect(await client.lookupSkillCertificate('S000037021002193000284')).toEqual({
      certificateNumber: 'S000037021002193000284', holderNameMasked: '孙*军', occupation: '电工', level: '三级/高级工',
      issuedDate: '2019-11-20', issuingBody: '青岛海建职业技能评价中心', status: '有效',
    });
    expect(await client.lookupSkillCertificate(' s0000-3702-0003-2040-00517 ')).toMatchObject({ holderNameMasked: '马*燕', occupation: '养老护理员', level: '四级/中级工' });
    expect(await client.lookupSkillCertificate('Y000037021005156000031')).toMatchObject({ status: '已注销', level: '五级/初级工' });
  });

  it('an unknown number → not-found, told plainly', async () => {
    const error = await backendErrorOf(client.lookupSkillCertificate('S000037029999999999999'));
    expect(error).toMatchObject({ kind: 'not-found', status: 404, code: 'CERTIFICATE_NOT_FOUND' });
    expect(error.citizenMessage).toBe('没有查到这个编号的证书，请核对证书上的编号，或找工作人员帮忙。');
  });

  it('a malformed number → rejected INVALID_CERTIFICATE_NUMBER', async () => {
    for (const number of ['', 'S123', '证书编号S0000370210', 'S0000370210021930002849999999999999']) {
      const error = await backendErrorOf(client.lookupSkillCertificate(number));
      expect(error).toMatchObject({ kind: 'rejected', status: 400, code: 'INVALID_CERTIFICATE_NUMBER' });
      expect(error.citizenMessage).toMatch(/证书编号/);
    }
  });

  it('needs no citizen: one POST to the lookup path, the number in the body and never in a URL', async () => {
    const before = harness.simulator.inspect.requests().length;
    await client.lookupSkillCertificate('S000037021002193000284');
    const sent = harness.simulator.inspect.requests().slice(before);
    expect(sent).toEqual([{ method: 'POST', path: '/v1/skill-certificates/lookup', status: 200 }]);
  });
});

describe('退休年龄测算 inputs (retirement-profile)', () => {
  it('gives the category and original age of each kind of citizen from the record', async () => {
    const expected: Array<[string, string | null, number | null]> = [
      ['QD0010', '男职工', 60], ['QD0011', '女职工50', 50], ['QD0005', '女职工55', 55], ['QD0014', '城乡居民', 60], ['QD0008', null, null],
    ];
    for (const [citizenId, category, age] of expected) {
      expect(await client.getRetirementProfile(citizenId), citizenId).toMatchObject({ category, originalRetirementAge: age, retiredOn: null });
    }
  });

  it('birth date and sex agree with the ID number; months with 累计缴费月数', async () => {
    const [profile, lookedUp, months] = await Promise.all([
      client.getRetirementProfile('QD0010'), client.lookupCitizen('370285196805090150'), client.getContributionMonths('QD0010'),
    ]);
    expect(profile).toMatchObject({ birthDate: lookedUp.birthDate, sex: lookedUp.gender });
    const pension = months.insurances.find((insurance) => insurance.type === '养老')!;
    expect(profile.pensionContributionMonths).toEqual({ paid: pension.paidMonths, deemed: pension.deemedMonths, total: pension.totalMonths });
  });

  it('a pensioner has the day they retired; a farmer has resident months instead', async () => {
    expect(await client.getRetirementProfile('QD0001')).toMatchObject({ retiredOn: '2012-03-15', category: '女职工50', pensionContributionMonths: { paid: 195, deemed: 184, total: 379 } });
    expect(await client.getRetirementProfile('QD0014')).toMatchObject({ pensionContributionMonths: { paid: 0, deemed: 0, total: 0 }, residentPensionMonths: 144 });
  });
});

describe('养老金测算 inputs (pension-estimate-inputs)', () => {
  it('a flexible worker’s yearly index is about the level chosen, averaged over the months paid', async () => {
    const inputs = await client.getPensionEstimateInputs('QD0006');
    expect(inputs).toMatchObject({ scheme: '职工养老', isPensioner: false, asOfMonth: '2025-02', deemedMonths: 0, residentBasicPension: null });
    expect(inputs.localAverageMonthlyWage.year).toBe(2024);
    for (const year of inputs.indexYears.filter((entry) => entry.year >= 2021)) expect(year.index).toBeCloseTo(1, 3);
    for (const year of inputs.indexYears.filter((entry) => entry.year >= 2016 && entry.year <= 2020)) expect(year.index).toBeCloseTo(0.6, 3);
    const months = inputs.indexYears.reduce((sum, year) => sum + year.months, 0);
    expect(months).toBe(inputs.paidMonths);
    expect(inputs.averageContributionIndex).toBeCloseTo(inputs.indexYears.reduce((sum, year) => sum + year.index * year.months, 0) / months, 4);
    expect(inputs.accountBalance).toBe((await client.getPensionAccounts('QD0006')).accounts[0]!.balance);
  });

  it('each year’s index is its mean base over that year’s average wage', async () => {
    const inputs = await client.getPensionEstimateInputs('QD0004');
    const records = (await client.getContributions('QD0004', { from: '2023-01', to: '2023-12' })).records.filter((record) => record.type === '养老');
    const year = inputs.indexYears.find((entry) => entry.year === 2023)!;
    expect(year.months).toBe(12);
    expect(year.averageBase).toBeCloseTo(records.reduce((sum, record) => sum + record.base, 0) / 12, 2);
    expect(year.index).toBeCloseTo(year.averageBase / year.averageWage, 4);
  });

  it('a farmer: the resident scheme with its basic pension; nobody insured: nothing to estimate from', async () => {
    expect(await client.getPensionEstimateInputs('QD0014')).toMatchObject({ scheme: '城乡居民养老', averageContributionIndex: null, indexYears: [], paidMonths: 144, residentBasicPension: 265 });
    expect(await client.getPensionEstimateInputs('QD0008')).toMatchObject({ scheme: null, averageContributionIndex: null, accountBalance: 0, paidMonths: 0 });
  });
});

describe('业务办理进度 (applications)', () => {
  it('things in progress elsewhere, newest first, in plain states', async () => {
    expect((await client.getApplications('QD0012')).applications.map((application) => [application.kind, application.state, application.stage])).toEqual([
      ['社保卡申领', '办理中', '待领取'], ['关系转移接续', '办理中', '转出地已确认'], ['关系转移接续', '已办结', '已办结'],
    ]);
    expect((await client.getApplications('QD0007')).applications.map((application) => [application.kind, application.channel, application.state])).toEqual([
      ['失业保险金申领', '服务窗口', '已办结'], ['失业登记', '服务窗口', '已办结'],
    ]);
    expect((await client.getApplications('QD0008')).applications).toEqual([]);
  });

  it('a loss reported at a kiosk is there with its receipt number', async () => {
    expect((await client.getApplications('QD0005')).applications).toEqual([{
      applicationId: 'GS20250309-0001', kind: '社保卡挂失', channel: '自助服务机', submittedAt: '2025-03-09T10:15:00+08:00',
      state: '已办结', stage: '已挂失', updatedDate: '2025-03-09',
    }]);
  });
});

describe('after the kiosk’s own writes', () => {
  let writes: Harness;
  beforeAll(async () => {
    writes = await startHarness();
  });
  afterAll(() => writes.close());

  it('every submission shows in 业务办理进度 under the receipt number the citizen was given, newest first', async () => {
    const kiosk = writes.client();
    const pensionAuth = await kiosk.submitPensionAuth('QD0003', {
      authenticatedAt: '2025-03-14T09:50:00+08:00', method: 'face-kiosk', kioskId: KIOSK_ID,
      scores: { similarity: 0.8, liveness: 0.9 }, challenges: ['blink'], idempotencyKey: 'progress-auth-0001',
    });
    const loss = await kiosk.reportCardLoss('QD0011', { idempotencyKey: 'progress-loss-0001' });
    expect((await kiosk.getApplications('QD0003')).applications).toEqual([{
      applicationId: pensionAuth.submissionId, kind: '养老金资格认证', channel: '自助服务机', submittedAt: '2025-03-14T09:50:00+08:00',
      state: '已办结', stage: '认证通过', updatedDate: '2025-03-14',
    }]);
    expect((await kiosk.getApplications('QD0011')).applications[0]).toEqual({
      applicationId: loss.reportId, kind: '社保卡挂失', channel: '自助服务机', submittedAt: loss.reportedAt, state: '已办结', stage: '已挂失', updatedDate: '2025-03-14',
    });
  });

  it('a 临时挂失 becomes a formal 挂失 from today', async () => {
    expect(await writes.client().getCard('QD0011')).toMatchObject({ status: '挂失', statusSince: '2025-03-14' });
  });

  it('a sealed card cannot be reported lost at the kiosk: rejected CARD_SEALED, nothing recorded', async () => {
    const kiosk = writes.client();
    const error = await backendErrorOf(kiosk.reportCardLoss('QD0014', { idempotencyKey: 'progress-loss-0002' }));
    expect(error).toMatchObject({ kind: 'rejected', status: 409, code: 'CARD_SEALED' });
    expect(error.citizenMessage).toBe('您的社保卡已经封存了，请带身份证到服务大厅或合作银行办理。');
    expect(writes.simulator.inspect.cardLossReportCount('QD0014')).toBe(0);
    expect((await kiosk.getCard('QD0014')).status).toBe('封存');
  });

  it('a flexible registration at the kiosk: the citizen pays from now on, nothing unpaid yet, listed as a kiosk application', async () => {
    const kiosk = writes.client();
    const registration = await kiosk.registerFlexibleEmployment('QD0007', {
      employmentType: '新就业形态', startMonth: '2025-04', insuranceTypes: ['养老', '医疗'], contributionLevel: 80, residenceStreet: '李村街道',
      idempotencyKey: 'progress-flex-0001',
    });
    const status = await kiosk.getFlexibleEmployment('QD0007');
    expect(status).toMatchObject({ years: [], lastPaidMonth: null, unpaidMonths: [] });
    expect(status.registration).toMatchObject({ registrationId: registration.registrationId, startMonth: '2025-04', contributionLevel: 80, channel: '自助服务机' });
    const overview = await kiosk.getInsuranceOverview('QD0007');
    expect(overview.insurances.filter((insurance) => insurance.currentPayer === '灵活就业').map((insurance) => insurance.type)).toEqual(['养老', '医疗']);
    expect(overview.employmentPeriods.every((period) => !period.ongoing)).toBe(true);
    expect((await kiosk.getApplications('QD0007')).applications[0]).toMatchObject({
      applicationId: registration.registrationId, kind: '灵活就业参保登记', channel: '自助服务机', state: '已办结', stage: '已登记',
    });
  });
});

describe('what the seed day decides', () => {
  it('on or after the 20th this month’s unemployment benefit is paid too', async () => {
    const later = Date.parse('2025-03-25T02:00:00Z');
    const other = await startHarness({ now: () => later });
    try {
      const claim = (await other.client({ now: () => later }).getUnemploymentBenefit('QD0007')).claims[0]!;
      expect(claim).toMatchObject({ paidMonths: 8, remainingMonths: 16 });
      expect(claim.payments.at(-1)).toEqual({ month: '2025-03', amount: 1980, paidDate: '2025-03-20' });
    } finally {
      await other.close();
    }
  });

  it('after the yearly payment day the resident pension of this year is paid, and only then counted', async () => {
    const later = Date.parse('2025-07-01T02:00:00Z');
    const other = await startHarness({ now: () => later });
    try {
      const kiosk = other.client({ now: () => later });
      const resident = await kiosk.getResidentPension('QD0014');
      expect(resident.years.at(-1)).toMatchObject({ year: 2025, grade: 1000, paidDate: '2025-06-18' });
      expect(resident.missedYears).toEqual([2016]);
      const account = (await kiosk.getPensionAccounts('QD0014')).accounts[0]!;
      expect(account.thisYear).toEqual({ year: 2025, creditedAmount: 1170, interest: null });
    } finally {
      await other.close();
    }
  });
});

describe('unknown citizens', () => {
  const queries: Array<[string, (kiosk: BackendClient, citizenId: string) => Promise<unknown>]> = [
    ['getInsuranceOverview', (kiosk, id) => kiosk.getInsuranceOverview(id)],
    ['getContributionMonths', (kiosk, id) => kiosk.getContributionMonths(id)],
    ['getPensionAccounts', (kiosk, id) => kiosk.getPensionAccounts(id)],
    ['getUnemploymentBenefit', (kiosk, id) => kiosk.getUnemploymentBenefit(id)],
    ['getWorkInjuryBenefits', (kiosk, id) => kiosk.getWorkInjuryBenefits(id)],
    ['getResidentPension', (kiosk, id) => kiosk.getResidentPension(id)],
    ['getFlexibleEmployment', (kiosk, id) => kiosk.getFlexibleEmployment(id)],
    ['getCardApplications', (kiosk, id) => kiosk.getCardApplications(id)],
    ['getTransfers', (kiosk, id) => kiosk.getTransfers(id)],
    ['getEmploymentRegistration', (kiosk, id) => kiosk.getEmploymentRegistration(id)],
    ['getEmploymentCertificate', (kiosk, id) => kiosk.getEmploymentCertificate(id)],
    ['getApplications', (kiosk, id) => kiosk.getApplications(id)],
    ['getRetirementProfile', (kiosk, id) => kiosk.getRetirementProfile(id)],
    ['getPensionEstimateInputs', (kiosk, id) => kiosk.getPensionEstimateInputs(id)],
  ];

  it.each(queries)('%s → not-found CITIZEN_NOT_FOUND', async (_name, query) => {
    const error = await backendErrorOf(query(client, 'QD9999'));
    expect(error).toMatchObject({ kind: 'not-found', status: 404, code: 'CITIZEN_NOT_FOUND' });
  });

  it('a valid ID number that is nobody’s → not-found at the lookup (no record at all)', async () => {
    expect(await backendErrorOf(client.lookupCitizen(DEMO_UNREGISTERED_ID_NUMBER))).toMatchObject({ kind: 'not-found', code: 'CITIZEN_NOT_FOUND' });
  });
});
