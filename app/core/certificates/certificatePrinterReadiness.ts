import type { PrinterClient } from '../../../printer/index.js';

/**
 * Why the certificate printer cannot take a job right now, in plain words for the citizen waiting for it; null when
 * it can. No printer at all (the kiosk runs without one) and a printer that does not answer (the client's own status
 * deadline) are said as they are.
 */
export async function certificatePrinterProblem(printer: Pick<PrinterClient, 'status'> | null): Promise<string | null> {
  if (!printer) return '这台机器的打印机现在用不了，证明打印不出来。';
  try {
    const status = await printer.status();
    if (status.paperOut) return '打印机没有纸了，证明现在打印不出来。';
    if (status.coverOpen) return '打印机的仓盖开着，证明现在打印不出来。';
    if (status.unrecoverableError) return '打印机出了故障，证明现在打印不出来。';
    if (!status.online) return '打印机现在离线，证明打印不出来。';
    return null;
  } catch {
    return '打印机没有回应，证明现在打印不出来。';
  }
}
