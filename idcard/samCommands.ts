// The Cmd/Para pairs of GA 467's SAM command set that this library knows. Each answer's success status is 0x90,
// except find card's (0x9F).

export const SamCommandCode = {
  /** 复位 SAM */
  resetSam: { cmd: 0x10, para: 0xff },
  /** SAM 状态检测 */
  samStatus: { cmd: 0x11, para: 0xff },
  /** 读 SAM 管理信息 (the SAM ID, 16 bytes) */
  samId: { cmd: 0x12, para: 0xff },
  /** 寻找证/卡 */
  findCard: { cmd: 0x20, para: 0x01 },
  /** 选取证/卡 */
  selectCard: { cmd: 0x20, para: 0x02 },
  /** 读机读文字信息和相片信息: text (256) and WLT photo (1024) */
  readBaseInfo: { cmd: 0x30, para: 0x01 },
  /** 读追加住址信息 */
  readAdditionalAddress: { cmd: 0x30, para: 0x03 },
  /** 读机读文字信息、相片信息和指纹信息 */
  readBaseInfoWithFingerprint: { cmd: 0x30, para: 0x10 },
} as const;

export type SamCommandName = keyof typeof SamCommandCode;

/** The name of a Cmd/Para pair, or null for one this library does not know. */
export function samCommandName(cmd: number, para: number): SamCommandName | null {
  for (const [name, code] of Object.entries(SamCommandCode) as [SamCommandName, { cmd: number; para: number }][]) {
    if (code.cmd === cmd && code.para === para) return name;
  }
  return null;
}
