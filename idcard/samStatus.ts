// SW3, the SAM's operation status in every answer (SW1 and SW2 are 0x00 in the answers GA 467 defines).
// Only the codes the SAM itself sends are here; vendor SDKs add their own (port errors, PC timeouts) on top.

export const SamStatus = {
  /** 操作成功 */
  Success: 0x90,
  /** 证/卡中此项无内容: e.g. no additional address on the card. */
  NoContent: 0x91,
  /** 寻找证/卡成功: the answer to find card when a card is in the field. */
  FindCardSuccess: 0x9f,
  /** 接收业务终端数据的校验和错: the SAM received our frame with a bad XOR check. */
  ChecksumError: 0x10,
  /** 接收业务终端数据的长度错 */
  LengthError: 0x11,
  /** 接收业务终端的命令错误: unknown command, or values or sequence the SAM does not accept. */
  CommandError: 0x21,
  /** 越权操作 */
  Unauthorized: 0x23,
  /** 无法识别的错误 */
  UnrecognizedError: 0x24,
  /** 证/卡认证 SAM 失败 */
  CardAuthenticatesSamFailed: 0x31,
  /** SAM 认证证/卡失败 */
  SamAuthenticatesCardFailed: 0x32,
  /** 信息验证错误 */
  InformationVerifyFailed: 0x33,
  /** 无法识别的证/卡类型 */
  UnrecognizedCardType: 0x40,
  /** 读证/卡操作失败: typically the card left the field during the read. */
  ReadCardFailed: 0x41,
  /** 取随机数失败 */
  RandomNumberFailed: 0x47,
  /** SAM 自检失败，不能接收命令 */
  SamSelfTestFailed: 0x60,
  /** SAM 没经过授权，无法使用 */
  SamNotAuthorized: 0x66,
  /** 寻找证/卡失败: no card in the field. */
  FindCardFailed: 0x80,
  /** 选取证/卡失败 */
  SelectCardFailed: 0x81,
} as const;

export type SamStatusCode = (typeof SamStatus)[keyof typeof SamStatus];

const descriptions: Record<number, string> = {
  [SamStatus.Success]: 'success',
  [SamStatus.NoContent]: 'the card holds nothing for this item',
  [SamStatus.FindCardSuccess]: 'card found',
  [SamStatus.ChecksumError]: 'the SAM received a frame with a bad check byte',
  [SamStatus.LengthError]: 'the SAM received a frame with a bad length',
  [SamStatus.CommandError]: 'the SAM rejected the command (unknown, bad values or out of sequence)',
  [SamStatus.Unauthorized]: 'operation not permitted',
  [SamStatus.UnrecognizedError]: 'unrecognised error in the SAM',
  [SamStatus.CardAuthenticatesSamFailed]: 'the card failed to authenticate the SAM',
  [SamStatus.SamAuthenticatesCardFailed]: 'the SAM failed to authenticate the card',
  [SamStatus.InformationVerifyFailed]: 'the card information failed verification',
  [SamStatus.UnrecognizedCardType]: 'unrecognised card type',
  [SamStatus.ReadCardFailed]: 'reading the card failed',
  [SamStatus.RandomNumberFailed]: 'getting a random number from the card failed',
  [SamStatus.SamSelfTestFailed]: 'the SAM failed its self-test and accepts no commands',
  [SamStatus.SamNotAuthorized]: 'the SAM is not authorised for use',
  [SamStatus.FindCardFailed]: 'no card found',
  [SamStatus.SelectCardFailed]: 'selecting the card failed',
};

/** English, for logs and diagnostics (never shown to a citizen). */
export function describeSamStatus(sw3: number): string {
  return descriptions[sw3] ?? `unknown SAM status 0x${sw3.toString(16).padStart(2, '0')}`;
}

/** Statuses after which the SAM is of no use until it is fixed or re-authorised: the reader is faulted. */
export function samUnusable(sw3: number): boolean {
  return sw3 === SamStatus.SamSelfTestFailed || sw3 === SamStatus.SamNotAuthorized;
}
