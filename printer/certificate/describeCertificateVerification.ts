import { documentTitle, insuranceLabels, insuranceStatusLabels } from './certificateContent.js';
import { formatPeriod } from './formatPeriod.js';
import type { CertificateVerification, CertificateVerificationFailure } from './verifyCertificateQr.js';

const failureText: Record<CertificateVerificationFailure, string> = {
  malformed: '这不是有效的参保证明二维码。',
  'unsupported-version': '二维码版本不受支持，请使用新版核验工具。',
  'unknown-key': '签发密钥未知，无法确认真伪。',
  'bad-signature': '签名不符：证明内容被改动过或是伪造的。',
  'invalid-payload': '签名有效，但证明内容格式错误。',
};

/** The verification result as plain Chinese lines, for `kiosk verify-certificate` and staff screens. */
export function describeCertificateVerification(result: CertificateVerification): string[] {
  const lines: string[] = [];
  if (result.valid) {
    lines.push(`核验通过：证明由密钥 ${result.keyId} 签发，内容未被改动。`);
  } else {
    lines.push(`核验失败：${failureText[result.reason ?? 'malformed']}`);
    if (result.keyId) lines.push(`密钥编号：${result.keyId}`);
    if (result.fields) lines.push('以下为二维码中声称的内容，不能作为证明：');
  }
  const f = result.fields;
  if (!f) return lines;
  lines.push(
    `证明种类：${documentTitle(f)}`,
    `证明时段：${f.coverage ? `${f.coverage.from}至${f.coverage.to}` : '全部参保记录'}`,
    `证明编号：${f.certificateNumber}`,
    `姓名：${f.citizenName}`,
    `身份证号：${f.maskedIdNumber}`,
    `打印网点：${f.hallName}（${f.hallCode}）`,
    `打印时间：${f.printedAt}`,
  );
  if (result.verificationCode) lines.push(`验证码：${result.verificationCode}（应与纸面一致）`);
  if (f.onlineVerificationCode) lines.push(`网上核验码：${f.onlineVerificationCode}`);
  if (f.periodsSummarized) lines.push('（参保期间为汇总：每个险种只列最早起始与最晚截止年月，明细见纸面）');
  for (const i of f.insurances) {
    lines.push(`${insuranceLabels[i.type]}：${insuranceStatusLabels[i.status]}，${i.periods.map(formatPeriod).join('、')}，缴费 ${i.contributionMonths} 个月`);
  }
  if (f.documentKind === 'not-insured') lines.push('没有参保缴费记录');
  for (const p of f.payments ?? []) lines.push(`${insuranceLabels[p.type]}缴费：个人 ${p.personal} 元，单位 ${p.employer} 元`);
  return lines;
}
