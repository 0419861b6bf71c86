import type { BackendClient } from '../backend/backendClient.js';
import { citizenMessageFor } from '../backend/citizenMessages.js';
import {
  SKILL_SUBSIDY_RULES,
  type SkillSubsidyApplicationDetails,
  type SkillSubsidyApplicationResult,
  type SkillSubsidyBlock,
  type SkillSubsidyCertificate,
  type SkillSubsidyEligibility,
} from '../backend/skillSubsidyTypes.js';
import { foldPinyinSyllable } from '../nlu/fuzzyPinyin.js';
import { parseCertificateNumber } from '../nlu/spokenCertificateNumber.js';
import { toPinyinSyllables } from '../nlu/toPinyin.js';
import { transactionKinds } from '../outbox/backendSenders.js';
import type { TransactionOutbox } from '../outbox/transactionOutbox.js';
import type { FieldReading, TransactionEligibility, TransactionField, TransactionSpec } from './transactionSpec.js';

/** Where a citizen who cannot apply here is sent (the KB: 到失业保险参保地的经办机构申领). */
const WHERE_TO_ASK = '有疑问请到服务大厅的失业保险窗口咨询。';

const spokenDate = (date: string) => `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
/** "育婴员（四级/中级工）": how a certificate is named on screen, on its button and in speech. */
const certificateName = (c: Pick<SkillSubsidyCertificate, 'occupation' | 'level'>) => `${c.occupation}（${c.level}）`;

/** The words a citizen uses for each level ("中级的那张", "高级工证", "四级"). */
const LEVEL_WORDS: Record<SkillSubsidyCertificate['level'], RegExp> = {
  '五级/初级工': /五级|初级/,
  '四级/中级工': /四级|中级/,
  '三级/高级工': /三级|高级(?!技师)/,
  '二级/技师': /二级|(?<!高级)技师/,
  '一级/高级技师': /一级|高级技师/,
};
const ORDINALS: [RegExp, number][] = [[/第一|头一/, 0], [/第二/, 1], [/第三/, 2], [/第四/, 3]];

/** Why a certificate cannot be applied for, in the citizen's words. */
function whyNot(c: SkillSubsidyCertificate): string {
  const reasons: Record<SkillSubsidyBlock, string> = {
    CERTIFICATE_TOO_OLD: `是${spokenDate(c.issuedDate)}发的，技能提升补贴要在发证之日起${SKILL_SUBSIDY_RULES.applyWithinMonths}个月内申请，已经超过期限了`,
    CERTIFICATE_REVOKED: '已经注销了，不能申请',
    ALREADY_SUBSIDISED: '已经领过补贴了，同一个职业同一个等级只能领一次',
    LEVEL_NOT_COVERED: '是技师或高级技师等级，这台机器办不了',
    SUBSIDY_LIMIT_REACHED: `今年不能再申请了，每人每年最多领${SKILL_SUBSIDY_RULES.maxPerYear}次`,
  };
  return `您的${certificateName(c)}证书${c.blockedBy ? reasons[c.blockedBy] : '可以申请'}`;
}

/** The citizen's standing, fetched by the eligibility check of the transaction now running. */
interface Standing {
  citizenId: string;
  all: readonly SkillSubsidyCertificate[];
  /** What can be applied for now, newest first. */
  candidates: readonly SkillSubsidyCertificate[];
}

function ineligibility(e: SkillSubsidyEligibility): TransactionEligibility | null {
  if (e.certificates.length === 0) {
    return {
      eligible: false,
      line: `没有查到您名下的职业技能等级证书。技能提升补贴要先取得职业技能等级证书或者职业资格证书；证书刚发下来的，可能还没有录入系统。${WHERE_TO_ASK}`,
    };
  }
  if (!e.insuranceConditionMet) {
    return {
      eligible: false,
      line:
        `技能提升补贴要求参加失业保险累计满${SKILL_SUBSIDY_RULES.minInsuredMonths}个月，或者正在领失业保险金。` +
        `您的失业保险累计缴费${e.unemploymentInsuranceMonths}个月，还不够，这次不能申请。${WHERE_TO_ASK}`,
    };
  }
  if (e.certificates.every((c) => c.blockedBy !== null)) {
    const told = e.certificates.slice(0, 3).map(whyNot).join('；');
    return { eligible: false, line: `${told}。所以这次不能申请技能提升补贴。${WHERE_TO_ASK}` };
  }
  return null;
}

/**
 * 技能提升补贴申领 (失业保险技能提升补贴): a citizen with a 职业技能等级证书 applies for the subsidy of its level (初级
 * 1000元, 中级1500元, 高级2000元; knowledge base D08, skillSubsidyTypes.ts), paid to the social security card's financial
 * account — nothing else is asked. Before anything is asked, the business system's record is checked (失业保险 12
 * months or drawing 失业保险金, the certificate issued within 12 months, not already subsidised, not revoked): each
 * "no" is told with why and where to go. One certificate that can be applied for is proposed and just confirmed (no
 * question: the confirmation names it); of several, the citizen chooses by occupation or level (buttons), or reads or
 * types the certificate number.
 *
 * The certificates come from the eligibility check of the transaction running now (the kiosk runs one at a time); the
 * field's question, buttons and reading use them. A number the citizen gives is checked by the business system again.
 */
export function skillSubsidyTransaction(
  backend: Pick<BackendClient, 'getSkillSubsidyEligibility'>,
  outbox: Pick<TransactionOutbox, 'submit'>,
): TransactionSpec {
  // The certificates found belong to one transaction: every transaction begins with a spec of its own.
  // (Not spread: the spec's fields are getters over what this transaction found.)
  const begin = (): TransactionSpec => oneSkillSubsidyTransaction(backend, outbox, begin);
  return begin();
}

function oneSkillSubsidyTransaction(
  backend: Pick<BackendClient, 'getSkillSubsidyEligibility'>,
  outbox: Pick<TransactionOutbox, 'submit'>,
  begin: () => TransactionSpec,
): TransactionSpec {
  let standing: Standing | null = null;

  const find = (number: unknown) => standing?.all.find((c) => c.certificateNumber === number);
  /**
   * The certificate the values name, or the only one there is to propose; from the standing of this citizen only (when
   * the caller knows who it is for: a submission never uses another citizen's certificates).
   */
  const chosen = (values: Readonly<Record<string, unknown>>, citizenId?: string): SkillSubsidyCertificate | undefined => {
    if (!standing || (citizenId !== undefined && standing.citizenId !== citizenId)) return undefined;
    const named = standing.candidates.find((c) => c.certificateNumber === values.certificate);
    if (named) return named;
    return standing.candidates.length === 1 ? standing.candidates[0] : undefined;
  };

  function readCertificate(text: string, pinyin: string | null): FieldReading<string> {
    const number = parseCertificateNumber(text, pinyin ?? undefined, standing !== null);
    if (number) {
      if (!standing) return { ok: true, value: number };
      const known = find(number);
      if (!known) return { ok: false, problem: '您名下没有查到这个编号的证书，请核对证书上的编号，或者说证书上的职业名称。' };
      return known.blockedBy === null ? { ok: true, value: number } : { ok: false, problem: `${whyNot(known)}。请选别的证书。` };
    }
    if (!standing) return null;
    const said = text.replace(/\s+/g, '');
    // The small recognizer hears toneless pinyin: an occupation is matched on its folded syllables too ("yu ying yuan").
    const heard = pinyin ?? (/^[a-z\s]+$/i.test(text) ? text : null);
    const heardSyllables = heard === null ? null : ` ${toPinyinSyllables(heard).map(foldPinyinSyllable).join(' ')} `;
    const saysOccupation = (c: SkillSubsidyCertificate) =>
      said.includes(c.occupation) || (heardSyllables !== null && heardSyllables.includes(` ${toPinyinSyllables(c.occupation).map(foldPinyinSyllable).join(' ')} `));
    let matches = standing.all.filter(saysOccupation);
    const byLevel = (list: readonly SkillSubsidyCertificate[]) => list.filter((c) => LEVEL_WORDS[c.level].test(said));
    if (matches.length > 1 && byLevel(matches).length > 0) matches = byLevel(matches);
    if (matches.length > 1 && matches.filter((c) => c.blockedBy === null).length === 1) matches = matches.filter((c) => c.blockedBy === null);
    if (matches.length === 0) {
      const ordinal = ORDINALS.find(([pattern]) => pattern.test(said));
      const byOrdinal = ordinal ? standing.candidates[ordinal[1]] : undefined;
      matches = byOrdinal ? [byOrdinal] : byLevel(standing.candidates);
    }
    if (matches.length !== 1) return null;
    const match = matches[0]!;
    return match.blockedBy === null ? { ok: true, value: match.certificateNumber } : { ok: false, problem: `${whyNot(match)}。请选别的证书。` };
  }

  const certificateField: TransactionField<string> = {
    name: 'certificate',
    label: '申请补贴的证书',
    get ask() {
      const candidates = standing?.candidates ?? [];
      if (candidates.length === 0) return '请说出您的职业技能等级证书上的职业名称，或者证书编号。';
      const listed = candidates.map((c) => `${certificateName(c)}，${spokenDate(c.issuedDate)}发证，补贴${c.amount}元`).join('；');
      return `您有${candidates.length}张证书可以申请：${listed}。您要用哪一张申请？说职业名称或者点下面的按钮就行，也可以说证书编号。`;
    },
    get choices() {
      return standing?.candidates.map(certificateName);
    },
    read: readCertificate,
    readBack: (number) => {
      const c = find(number);
      return c ? `${certificateName(c)}，${spokenDate(c.issuedDate)}发证` : `编号${number}的证书`;
    },
  };

  return {
    service: 'apply_skill_subsidy',
    title: '技能提升补贴申领',
    begin,
    // One certificate to propose: nothing to ask, the confirmation names it and the yes applies.
    get fields() {
      return standing?.candidates.length === 1 ? [] : [certificateField as TransactionField];
    },
    async checkEligibility({ citizenId }) {
      standing = null;
      const eligibility = await backend.getSkillSubsidyEligibility(citizenId);
      const no = ineligibility(eligibility);
      if (no) return no;
      standing = { citizenId, all: eligibility.certificates, candidates: eligibility.certificates.filter((c) => c.blockedBy === null) };
      return { eligible: true };
    },
    describe(values) {
      const c = chosen(values);
      const which = c ? `您${spokenDate(c.issuedDate)}取得的${certificateName(c)}证书` : `编号${String(values.certificate)}的证书`;
      const amount = c?.amount ? `，按这个等级补贴${c.amount}元` : '';
      return (
        `我将用${which}为您申请技能提升补贴${amount}。审核通过后，补贴发到您社会保障卡的金融账户，不用另外提供银行卡。` +
        '同一个职业同一个等级只能领一次，申请以后这张证书就不能再申请了。'
      );
    },
    async preview({ citizenId, values }) {
      const c = chosen(values, citizenId);
      if (!c) return [];
      return [`证书：${certificateName(c)}`, `证书编号：${c.certificateNumber}`, `发证日期：${c.issuedDate}`, `补贴金额：${c.amount}元`, '发放到：社会保障卡金融账户'];
    },
    async submit({ citizenId, values, idempotencyKey }) {
      const c = chosen(values, citizenId);
      if (!c && typeof values.certificate !== 'string') return { status: 'refused', reason: '还没有选好用哪一张证书申请，这次没有提交。' };
      const application: SkillSubsidyApplicationDetails = { certificateNumber: c?.certificateNumber ?? String(values.certificate) };
      const result = await outbox.submit(transactionKinds.skillSubsidy, citizenId, application, { idempotencyKey });
      if (result.state === 'rejected') return { status: 'refused', reason: citizenMessageFor('rejected', result.reason) };
      if (result.state === 'pending') {
        return {
          status: 'queued',
          line: '业务系统暂时连不上，您的补贴申请已经保存在机器里，系统恢复后会自动提交，只提交一次。提交以后审核通过，补贴发到您社保卡的金融账户。',
        };
      }
      const answer = result.answer as Partial<SkillSubsidyApplicationResult> | null;
      const amount = answer?.amount ?? c?.amount;
      const name = answer?.occupation && answer.level ? certificateName({ occupation: answer.occupation, level: answer.level }) : c ? certificateName(c) : null;
      return {
        status: 'submitted',
        reference: result.reference,
        line: `技能提升补贴申请已经提交了${amount ? `，补贴${amount}元` : ''}，受理编号${result.reference}。${answer?.nextSteps ?? ''}`,
        receipt: [
          ...(name ? [`证书：${name}`] : []),
          ...(amount ? [`补贴金额：${amount}元`] : []),
          `发放到：${answer?.paidTo ?? '社会保障卡金融账户'}`,
          '状态：已受理，待审核',
        ],
      };
    },
  };
}
