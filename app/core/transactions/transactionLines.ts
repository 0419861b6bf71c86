/** What the robot says in every transaction; each transaction's own words are in its spec. */
export const transactionLines = {
  notHeard: (ask: string) => `没听清楚。${ask}`,
  confirm: '确认办理请说“确认”或点确认；要改哪一项，请说“改”加上那一项；不办了请说“取消”。',
  notConfirmed: '请说“确认”办理，说“取消”就不办了，或者说要改哪一项。',
  cancelled: '好的，这项业务没有办理，什么都没有提交。',
  submitting: '好的，正在为您提交，请稍等。',
  refused: (title: string, reason: string) => `${title}没有办成：${reason}我已经请工作人员过来帮您。`,
  lateRefused: (title: string, reason: string) => `您刚才保存的${title}，业务系统没有受理：${reason}我已经请工作人员过来帮您。`,
  lateSubmitted: (title: string, reference: string) => `您刚才保存的${title}已经提交成功了，受理编号${reference}。`,
  receiptOffer: '要回执的话，请说“打印”或点“打印”。',
  staffComing: '我已经请工作人员过来帮您。',
  skipOptional: '这一项不是必须的，不填请说“不用”或点“跳过”。',
  unavailable: (title: string) => `业务系统暂时连不上，${title}这次没有提交成功。请稍后再试，或者到窗口办理。`,
  readBack: (label: string, value: string) => `${label}：${value}`,
} as const;
