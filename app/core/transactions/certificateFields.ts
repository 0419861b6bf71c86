import {
  CERTIFICATE_KIND_CHOICES,
  certificateKindLabel,
  certificatePeriodLabel,
  readCertificateKind,
  readCertificatePeriod,
  type CertificateKind,
  type CertificatePeriod,
} from '../certificates/certificateKinds.js';
import type { TransactionField } from './transactionSpec.js';

/** 证明种类: 参保证明 of all insurances or one, 个人权益记录单, 未参保证明 — said, or tapped. */
export const certificateKindField: TransactionField<CertificateKind> = {
  name: 'kind',
  label: '证明种类',
  ask: '您要打印哪一种证明？可以打印全部险种的参保证明，也可以只打养老、医疗、失业、工伤或者生育其中一种；还可以打印个人权益记录单。没有参保记录的，可以打印未参保证明。',
  choices: CERTIFICATE_KIND_CHOICES,
  read: (text, pinyin) => {
    const kind = readCertificateKind(text, pinyin);
    return kind ? { ok: true, value: kind } : null;
  },
  readBack: (value) => certificateKindLabel(value),
};

/** 证明时段: 近一年, 近三年, 2020年到2023年, 全部; left out, the whole record is printed. */
export function certificatePeriodField(now: () => Date): TransactionField<CertificatePeriod> {
  return {
    name: 'period',
    label: '证明时段',
    ask: '要打印哪段时间的记录？可以说“近一年”“近三年”“全部”，也可以说“2020年到2023年”；不说的话就打印全部参保记录。',
    optional: true,
    whenSkipped: '全部参保记录',
    choices: ['近一年', '近三年', '全部'],
    read: (text, pinyin) => readCertificatePeriod(text, pinyin, now()),
    readBack: (value) => certificatePeriodLabel(value),
  };
}

/** The whole record: what a left-out period means. */
export const WHOLE_RECORD: CertificatePeriod = { label: '全部', from: null, to: null };
