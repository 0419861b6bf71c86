import { maskIdNumber } from '../../common/maskIdNumber.js';
import { EscPosDocument, type EscPosDocumentOptions } from '../escpos/escPosDocument.js';
import { fitToWidth } from '../escpos/gb18030Text.js';
import { formatChinaTime } from './chinaTime.js';
import { documentTitle, insuranceLabels, insuranceStatusLabels, validateCertificateContent, type CertificateContent } from './certificateContent.js';
import { formatPeriod } from './formatPeriod.js';
import { signCertificateQr, type CertificateSigner, type SignedCertificateQr } from './signCertificateQr.js';

export interface EncodedCertificate extends SignedCertificateQr {
  /** The ESC/POS job: initialise, Chinese mode, the certificate, QR code, feed and partial cut. */
  bytes: Uint8Array;
}

// Pads the two-character label 姓名 to the four-character width of the others, as printed forms do.
const IDEOGRAPHIC_SPACE = '\u3000';

export { CERTIFICATE_TITLE, documentTitle } from './certificateContent.js';

const PAYMENTS = [
  { width: 16, align: 'left' },
  { width: 16, align: 'right' },
  { width: 16, align: 'right' },
] as const;

function paymentsRow(cells: readonly [string, string, string]): string {
  return PAYMENTS.map((column, i) => fitToWidth(cells[i]!, column.width, column.align)).join('');
}

/** Table columns in half-width columns; together the 48 of font A on 80 mm paper. */
const TABLE = [
  { header: '险种', width: 10, align: 'left' },
  { header: '参保状态', width: 10, align: 'left' },
  { header: '参保起止年月', width: 18, align: 'left' },
  { header: '缴费月数', width: 10, align: 'right' },
] as const;

function tableRow(cells: readonly [string, string, string, string]): string {
  return TABLE.map((column, i) => fitToWidth(cells[i]!, column.width, column.align)).join('');
}

/**
 * Lays out a 参保证明 for the 80 mm printer and signs it: title, the certificate's fields (ID number
 * masked), one table row per insurance period, the verification code and a QR code that anyone can
 * check offline with the issuer's public key.
 */
export function encodeCertificate(content: CertificateContent, signer: CertificateSigner, options: EscPosDocumentOptions = {}): EncodedCertificate {
  const valid = validateCertificateContent(content);
  const signed = signCertificateQr(valid, signer);
  const doc = new EscPosDocument(options);

  const kind = valid.documentKind ?? 'certificate';
  doc.line(documentTitle(valid), { align: 'center', bold: true, size: 2 });
  if (kind === 'certificate') doc.line('（个人参保缴费情况）', { align: 'center' });
  if (kind === 'rights-record') doc.line('（个人参保缴费及权益情况）', { align: 'center' });
  doc.blankLine();
  doc.line(`证明编号：${valid.certificateNumber}`);
  doc.line(`姓${IDEOGRAPHIC_SPACE.repeat(2)}名：${valid.citizen.name}`);
  doc.line(`身份证号：${maskIdNumber(valid.citizen.idNumber)}`);
  doc.line(`打印网点：${valid.hall.name}`);
  doc.line(`网点编码：${valid.hall.code}`);
  doc.line(`打印时间：${formatChinaTime(valid.printedAt)}`);
  if (valid.onlineVerificationCode) doc.line(`网上核验码：${valid.onlineVerificationCode}`);
  // Certificates made before kinds (no kind, no coverage) keep their layout.
  if (valid.coverage || valid.documentKind) doc.line(`证明时段：${valid.coverage ? `${valid.coverage.from}至${valid.coverage.to}` : '全部参保记录'}`);
  doc.rule('=');
  if (kind === 'not-insured') {
    doc.line(
      valid.coverage
        ? `经查询，上述人员在${valid.coverage.from}至${valid.coverage.to}期间，在本市社会保险信息系统中没有参保缴费记录。`
        : '经查询，截至打印时间，上述人员在本市社会保险信息系统中没有参保缴费记录。',
    );
  } else {
    encodeInsuranceTable(doc, valid);
  }
  if (valid.payments && valid.payments.length > 0) {
    doc.rule('=');
    doc.line(paymentsRow(['险种', '个人缴费(元)', '单位缴费(元)']), { bold: true });
    doc.rule('-');
    for (const payment of valid.payments) doc.line(paymentsRow([insuranceLabels[payment.type], payment.personal, payment.employer]));
  }
  doc.rule('=');
  doc.line(
    kind === 'not-insured'
      ? '说明：本证明依据打印时社会保险信息系统的记录出具，由自助服务终端打印，与窗口打印的证明具有同等效力。'
      : '说明：本证明记载截至打印时间的参保缴费情况，由自助服务终端打印，与窗口打印的证明具有同等效力。',
  );
  doc.line('扫描下方二维码可离线核验证明内容与真伪。');
  doc.blankLine();
  doc.line(`验证码：${signed.verificationCode}`, { align: 'center', bold: true });
  // 4 dots (0.5 mm) a module: the signed text stays under ~1000 characters (see MAX_DETAILED_QR_TEXT),
  // at most QR version 30, 137 modules = 548 dots, within the 576 of 80 mm paper.
  doc.qrCode(signed.qrText, { moduleSize: 4, align: 'center' });
  doc.blankLine();
  doc.line(valid.hall.name, { align: 'center' });
  doc.cut();

  return { ...signed, bytes: doc.encode() };
}

/** One row per insurance period: 险种, 参保状态, 参保起止年月, 缴费月数. */
function encodeInsuranceTable(doc: EscPosDocument, valid: CertificateContent): void {
  doc.line(tableRow([TABLE[0].header, TABLE[1].header, TABLE[2].header, TABLE[3].header]), { bold: true });
  doc.rule('-');
  for (const insurance of valid.insurances) {
    insurance.periods.forEach((period, i) => {
      const first = i === 0;
      doc.line(
        tableRow([
          first ? insuranceLabels[insurance.type] : '',
          first ? insuranceStatusLabels[insurance.status] : '',
          formatPeriod(period),
          first ? String(insurance.contributionMonths) : '',
        ]),
      );
    });
  }
}
