import type { BackendClient } from '../backend/backendClient.js';
import { citizenMessageFor } from '../backend/citizenMessages.js';
import type { UnemploymentBenefitApplicationDetails, UnemploymentBenefitApplicationResult, UnemploymentBenefitEligibility } from '../backend/unemploymentTypes.js';
import { transactionKinds } from '../outbox/backendSenders.js';
import type { TransactionOutbox } from '../outbox/transactionOutbox.js';
import { UNEMPLOYMENT_WINDOW, unemploymentRules } from './unemploymentBenefitRules.js';
import type { TransactionEligibility, TransactionField, TransactionSpec } from './transactionSpec.js';

type Reason = UnemploymentBenefitEligibility['reasons'][number];

const monthWords = (ym: string) => `${Number(ym.slice(0, 4))}年${Number(ym.slice(5))}月`;
const dayWords = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/**
 * Why not, in plain words, with the rule from the knowledge base (unemploymentBenefitRules.ts) and where to go. The
 * business system's codes; `months` is the 失业 contribution months on record when known.
 */
export function ineligibleLine(code: string, months: number | null): string {
  switch (code) {
    case 'NOT_ELIGIBLE_PENSIONER':
      return `您已经在领取基本养老金，不能再领失业保险金。按规定，${unemploymentRules.stops.quote}。有疑问请到${UNEMPLOYMENT_WINDOW}咨询。`;
    case 'STILL_EMPLOYED':
      return `记录显示上个月还有单位在给您交社保，说明您还在职，现在不能申领失业保险金。如果您已经离开单位，请带单位出具的解除或终止劳动关系证明到${UNEMPLOYMENT_WINDOW}办理。`;
    case 'ALREADY_RECEIVING':
      return '您正在领取失业保险金，不用重复申领。想知道还能领几个月，说“查失业金”就行。';
    case 'NOT_REGISTERED_UNEMPLOYED':
      return `您还没有办失业登记，要先办失业登记，才能申领失业保险金。${unemploymentRules.fromRegistration.quote}失业登记在这台机器上就能办，您说“办失业登记”就行。`;
    case 'INSUFFICIENT_CONTRIBUTIONS':
      return `领失业保险金要${unemploymentRules.oneYear.quote}，您的记录上${months === null ? '还不满一年' : `累计只交了${months}个月`}，所以现在不能领。如果有在外地交的失业保险，请带缴费凭证到${UNEMPLOYMENT_WINDOW}核实。`;
    case 'VOLUNTARY_SEPARATION':
      return `您登记的离职原因是个人辞职。领失业保险金要${unemploymentRules.involuntary.quote}。${unemploymentRules.resigned.quote}如果其实是单位和您解除的合同，请带单位出具的证明到${UNEMPLOYMENT_WINDOW}更正。`;
    case 'SEPARATION_REASON_UNVERIFIED':
      return `领失业保险金要${unemploymentRules.involuntary.quote}。您的离职原因还需要核实，请带单位出具的解除或终止劳动关系证明到${UNEMPLOYMENT_WINDOW}办理。`;
    case 'CARD_NOT_USABLE':
      return `失业保险金要发到您社保卡的银行账户里，可您的社保卡现在不能正常使用。请先到社保卡合作银行或${UNEMPLOYMENT_WINDOW}把卡办好，再来申领。`;
    default:
      return citizenMessageFor('rejected', code);
  }
}

function eligibilityLine(eligibility: UnemploymentBenefitEligibility): string {
  return eligibility.reasons.map((reason: Reason) => ineligibleLine(reason.code, eligibility.contributionMonths)).join('');
}

const payoutAccountField: TransactionField<UnemploymentBenefitApplicationDetails['payoutAccount']> = {
  name: 'payoutAccount',
  label: '发放账户',
  ask: '失业保险金只能发到您本人社保卡的银行账户里，开户银行和卡号在屏幕上。发到这个账户可以吗？',
  choices: ['发到社保卡账户'],
  read: (text) => {
    if (/不行|不可以|不要|不用社保卡|换个|换一个|别的账户|其他账户|存折|另一张/.test(text)) {
      return { ok: false, problem: '失业保险金只能发到本人社保卡的金融账户，不能发到别的账户。想换开户银行，要先到社保卡合作银行办理。' };
    }
    // A question ("我能领吗", "可以领多少") is not a yes.
    if (/吗|么|能不能|可不可以|多少|几个/.test(text)) return null;
    return /社保卡|可以|^行|行啊|行吧|^好|好的|好吧|^对|对的|是的|没问题|同意|就这个|就用这个/.test(text.trim()) ? { ok: true, value: '社保卡金融账户' } : null;
  },
  readBack: () => '本人社保卡的金融账户',
};

/**
 * 失业保险金申领. Before anything is asked the record is checked (失业登记 done, at least a year of 失业 contributions,
 * not 个人辞职, not already receiving, not a pensioner, still no employer paying, a usable card); each "no" is told
 * with the rule from the knowledge base and where to go (失业登记 is offered when that is what is missing). The only
 * field is the payout account, which can only be the card's financial account (confirmed); the months, the amount and
 * the first month are the business system's, shown before the yes and told with the reference after it.
 */
export function unemploymentBenefitTransaction(
  outbox: Pick<TransactionOutbox, 'submit'>,
  backend: Pick<BackendClient, 'getUnemploymentBenefitEligibility'>,
): TransactionSpec {
  return {
    service: 'unemployment_benefit_apply',
    title: '失业保险金申领',
    fields: [payoutAccountField] as TransactionField[],
    async checkEligibility({ citizenId }): Promise<TransactionEligibility> {
      const eligibility = await backend.getUnemploymentBenefitEligibility(citizenId);
      return eligibility.eligible ? { eligible: true } : { eligible: false, line: eligibilityLine(eligibility) };
    },
    async preview({ citizenId }) {
      const eligibility = await backend.getUnemploymentBenefitEligibility(citizenId);
      if (!eligibility.eligible) return [];
      return [
        `可领月数：${eligibility.entitlementMonths}个月（失业保险累计缴费${eligibility.contributionMonths}个月）`,
        `每月金额：${eligibility.monthlyAmount}元`,
        ...(eligibility.firstMonth ? [`起算月份：${monthWords(eligibility.firstMonth)}（办理失业登记的月份）`] : []),
        ...(eligibility.payout ? [`发放账户：${eligibility.payout.bank}社保卡（${eligibility.payout.cardNumberMasked}）`] : []),
      ];
    },
    describe: () =>
      `我将为您申领失业保险金。按规定，${unemploymentRules.duration.quote}${unemploymentRules.amount.quote}您能领几个月、每月多少钱，按您的缴费记录核定，办好后会告诉您。` +
      `领取期间${unemploymentRules.medical.quote}${unemploymentRules.stops.quote}，要及时告知。`,
    async submit({ citizenId, values, idempotencyKey }) {
      const details: UnemploymentBenefitApplicationDetails = { payoutAccount: values.payoutAccount as UnemploymentBenefitApplicationDetails['payoutAccount'] };
      const result = await outbox.submit(transactionKinds.unemploymentBenefit, citizenId, details, { idempotencyKey });
      if (result.state === 'rejected') return { status: 'refused', reason: ineligibleLine(result.reason, null) };
      if (result.state === 'pending') {
        return {
          status: 'queued',
          line: '业务系统暂时连不上，您的申领已经保存在机器里，系统恢复后会自动提交，只提交一次。失业保险金从办理失业登记的那个月起算，晚一点提交不影响您能领的月数和金额。',
        };
      }
      const answer = result.answer as UnemploymentBenefitApplicationResult | null;
      if (!answer) return { status: 'submitted', reference: result.reference, line: `失业保险金申领好了，申领编号${result.reference}。` };
      return {
        status: 'submitted',
        reference: result.reference,
        line:
          `失业保险金申领好了，申领编号${result.reference}。您可以领${answer.entitlementMonths}个月，每月${answer.monthlyAmount}元，` +
          `从${monthWords(answer.firstMonth)}起算，第一笔在${dayWords(answer.firstPaymentDate)}前后发到您的社保卡账户。`,
        receipt: [
          `可领月数：${answer.entitlementMonths}个月（${monthWords(answer.firstMonth)}至${monthWords(answer.lastMonth)}）`,
          `每月金额：${answer.monthlyAmount}元`,
          `首次发放：${answer.firstPaymentDate}前后`,
          `发放账户：${answer.payout.bank}社保卡（${answer.payout.cardNumberMasked}）`,
        ],
      };
    },
  };
}
