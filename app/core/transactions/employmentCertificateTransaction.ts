import type { BackendClient } from '../backend/backendClient.js';
import {
  EMPLOYMENT_SITUATIONS,
  PAPER_CERTIFICATE_WORKING_DAYS,
  maskCertificateNumber,
  type CertificateForm,
  type EmploymentCertificateApplication,
  type EmploymentCertificateIssued,
  type EmploymentSituation,
} from '../backend/cardAndCertificateTypes.js';
import { citizenMessageFor } from '../backend/citizenMessages.js';
import { transactionKinds } from '../outbox/backendSenders.js';
import type { TransactionOutbox } from '../outbox/transactionOutbox.js';
import { streetField } from './streetField.js';
import type { TransactionField, TransactionSpec } from './transactionSpec.js';

/** The certificate's own name says 就业 and 创业: it is not an answer to "what do you do". */
const CERTIFICATE_NAME = /就业创业证|创业证|就业证/g;

const SITUATIONS: [RegExp, EmploymentSituation][] = [
  [/毕业|应届|大学生|刚出校门/, '高校毕业生'],
  [/失业|没工作|没有工作|下岗|待业|离职|辞职|被辞|没活干/, '失业人员'],
  [/创业|开.{0,4}店|饭店|小卖部|个体|做生意|做买卖|开.{0,3}公司|办厂|摆摊/, '自主创业'],
  [/灵活|零工|外卖|快递|网约车|钟点工|兼职|自由职业|骑手/, '灵活就业'],
];

/** The same, in the small recognizer's toneless pinyin (the certificate's name taken out first). */
const CERTIFICATE_NAME_PINYIN = / (jiu ye chuang ye zheng|chuang ye zheng|jiu ye zheng) /g;
const SITUATIONS_PINYIN: [RegExp, EmploymentSituation][] = [
  [/ (bi ye|ying jie|da xue sheng) /, '高校毕业生'],
  [/ (shi ye|mei gong zuo|mei you gong zuo|xia gang|dai ye|li zhi|ci zhi) /, '失业人员'],
  [/ (chuang ye|kai dian|ge ti|zuo sheng yi|zuo mai mai|kai gong si) /, '自主创业'],
  [/ (ling huo|ling gong|wai mai|kuai di|wang yue che|zhong dian gong|jian zhi) /, '灵活就业'],
];

/** Toneless pinyin padded with spaces, so a pattern matches whole syllables. */
function heardOf(text: string, pinyin: string | null): string {
  return ` ${(pinyin ?? (/^[a-z\s]+$/i.test(text) ? text : '')).toLowerCase().trim().replace(/\s+/g, ' ')} `;
}

const situationField: TransactionField<EmploymentSituation> = {
  name: 'situation',
  label: '就业状态',
  ask: '您现在是什么情况？是失业了、打零工送外卖这样的灵活就业、自己开店创业，还是刚毕业的高校毕业生？',
  choices: EMPLOYMENT_SITUATIONS,
  read: (text, pinyin) => {
    const said = text.replace(CERTIFICATE_NAME, '');
    const heard = heardOf(text, pinyin).replace(CERTIFICATE_NAME_PINYIN, ' ');
    const found = SITUATIONS.find(([pattern]) => pattern.test(said)) ?? SITUATIONS_PINYIN.find(([pattern]) => pattern.test(heard));
    return found ? { ok: true, value: found[1] } : null;
  },
  readBack: (value) => value,
};

function dayWords(date: string): string {
  const [year, month, day] = date.split('-');
  return `${year}年${Number(month)}月${Number(day)}日`;
}

const formField: TransactionField<CertificateForm> = {
  name: 'form',
  label: '领证方式',
  ask: '您要电子证还是纸质证？电子证马上就能用；纸质证要过几天到街道的人社服务站去领。',
  choices: ['电子证', '纸质证'],
  read: (text, pinyin) => {
    const heard = heardOf(text, pinyin);
    if (/纸质|纸的|纸版|纸本|本子|实体/.test(text) || / (zhi zhi|zhi de|zhi ban|ben zi) /.test(heard)) return { ok: true, value: '纸质证' };
    if (/电子|手机上|马上要|现在就要/.test(text) || / dian zi /.test(heard)) return { ok: true, value: '电子证' };
    return null;
  },
  readBack: (value) => value,
};

/**
 * 就业创业证申领: the employment situation (tappable), the street of the 户籍 or usual residence, and 电子证 or 纸质证.
 * Someone who already holds a valid certificate is told so before anything is asked (its number masked, and that a lost
 * one is 补办 at the street office), and so is a pensioner. The business system checks again (and refuses 失业人员 while an
 * employer still pays); it issues the number at once: the 电子证 is valid now, the 纸质证 is collected at the street office.
 */
export function employmentCertificateTransaction(
  outbox: Pick<TransactionOutbox, 'submit'>,
  backend: Pick<BackendClient, 'getEmploymentCertificate' | 'getEmploymentRegistration'>,
): TransactionSpec {
  return {
    service: 'apply_employment_certificate',
    title: '就业创业证申领',
    fields: [situationField, streetField('street', '登记街道', '您的户口或者常住的地方在哪个街道或者镇？证就登记在这个街道。'), formField] as TransactionField[],
    async checkEligibility({ citizenId }) {
      const [{ certificate }, registration] = await Promise.all([backend.getEmploymentCertificate(citizenId), backend.getEmploymentRegistration(citizenId)]);
      if (certificate?.status === '有效') {
        return {
          eligible: false,
          line: `您已经有一张有效的就业创业证了，证号尾号${certificate.certificateNumber.slice(-4)}，是${certificate.issuedBy}发的，不用重复申领。证丢了的话，请带身份证到户籍或常住地的街道（乡镇）人社服务站补办。`,
        };
      }
      if (registration.status === '退休') return { eligible: false, line: '您已经退休在领养老金了，不能再申领就业创业证。' };
      return { eligible: true };
    },
    describe: (values) => {
      const situation = values.situation as EmploymentSituation | undefined;
      const street = values.street as string | undefined;
      const form = values.form as CertificateForm | undefined;
      const how = form === '纸质证'
        ? `证号提交后马上告诉您，纸质证大约${PAPER_CERTIFICATE_WORKING_DAYS}个工作日后带身份证到${street ?? '街道'}人社服务站领取`
        : '电子证提交后马上生效，证号当场告诉您';
      return `我将为您申领就业创业证，就业状态登记为${situation ?? ''}，登记在${street ?? ''}。${how}。每人只能有一张有效的就业创业证，凭证可以按规定申请就业创业扶持政策。`;
    },
    async submit({ citizenId, values, idempotencyKey }) {
      const application: EmploymentCertificateApplication = {
        situation: values.situation as EmploymentSituation,
        street: String(values.street),
        form: values.form as CertificateForm,
      };
      const result = await outbox.submit(transactionKinds.employmentCertificate, citizenId, application, { idempotencyKey });
      if (result.state === 'rejected') return { status: 'refused', reason: citizenMessageFor('rejected', result.reason) };
      if (result.state === 'pending') {
        return { status: 'queued', line: '业务系统暂时连不上，您的申领已经保存在机器里，系统恢复后会自动提交，只提交一次。提交成功以后才有证号，到时候可以问我“我的就业创业证”查证号。' };
      }
      const answer = result.answer as Partial<EmploymentCertificateIssued> | null;
      const number = answer?.certificateNumber;
      return {
        status: 'submitted',
        reference: result.reference,
        line: `就业创业证办好了${number ? `，证号${number}` : ''}，受理编号${result.reference}。${answer?.nextSteps ?? ''}`,
        receipt: [
          `就业状态：${application.situation}`,
          `登记街道：${application.street}`,
          `领证方式：${application.form}`,
          ...(number ? [`证号：${maskCertificateNumber(number)}（完整证号可以问自助机“我的就业创业证”）`] : []),
          ...(answer?.pickup ? [`领证：${dayWords(answer.pickup.fromDate)}以后到${answer.pickup.place}，带身份证`] : []),
        ],
      };
    },
  };
}
