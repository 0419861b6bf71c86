import { EscPosDocument, formatChinaTime, type EscPosDocumentOptions } from '../../../printer/index.js';

/** A 聊天查 record as the citizen saw it on screen, to take home on paper. */
export interface RecordPrintout {
  title: string;
  /** One line per row, as on screen ("2024年：5,200 元"). */
  rows: string[];
  /** Masked as on screen: 王*兰, 3702**********0422. */
  nameMasked: string;
  idNumberMasked: string;
  hallName: string;
  printedAt: Date;
  /** What to do when the record looks wrong, printed so the citizen can take it to the window. */
  ifWrong: string;
}

/**
 * Lays out a record for the 80 mm printer: title, whose record (masked, as on screen), the rows, and a note that
 * it is a query result, not a certificate (a 参保证明 is signed and verifiable; this slip is not).
 */
export function encodeRecordPrintout(record: RecordPrintout, options: EscPosDocumentOptions = {}): Uint8Array {
  if (record.rows.length === 0) throw new RangeError('a record printout needs at least one row');
  const doc = new EscPosDocument(options);
  doc.line(record.title, { align: 'center', bold: true, size: 2 });
  doc.line('（个人权益查询结果）', { align: 'center' });
  doc.blankLine();
  doc.line(`姓名：${record.nameMasked}`);
  doc.line(`身份证号：${record.idNumberMasked}`);
  doc.line(`查询时间：${formatChinaTime(record.printedAt)}`);
  doc.rule('=');
  for (const row of record.rows) doc.line(row);
  doc.rule('=');
  doc.line('说明：本单为查询结果，仅供本人参考，不作为证明使用。需要证明材料请打印参保证明。');
  doc.line(`如有疑问：${record.ifWrong}`);
  doc.blankLine();
  doc.line(record.hallName, { align: 'center' });
  doc.cut();
  return doc.encode();
}
