/**
 * What the robot says during an identity check that is not about the face itself (the face side — positioning,
 * challenges, quality guidance, retries — is worded in faceAuthLines). Until the face matched, nothing here
 * depends on the number: an unknown number, a number without a photo on file and a face that does not match all
 * get the same lines, in the same order.
 */
export const identityLines = {
  /** The check asks for the number (the parent may give its own opening line instead). */
  askNumber: '要先核实是您本人。请输入您的身份证号，然后看着屏幕，按提示做几个动作。',
  /** The visit already knows who the citizen is: no number, a fresh live check. */
  /** The citizen stopped the check: nothing was looked up for them, nothing is told. */
  cancelled: '好的，已取消身份核实，什么都没有查。需要查本人的记录时，再跟我说。',
  liveCheck: '要再核对一次是您本人。请看着屏幕，按提示做几个动作。',
  /** Shown beside the keypad while the number is asked and an ID-card reader is ready (not spoken). */
  cardHint: '请把身份证放在读卡区，号码会自动填好；也可以在下面输入。',
  /** After a well-formed number, whatever the business system knows of it. */
  preparing: '好的，请稍等，马上开始核对。',
  /** The end after every attempt failed: staff are called, and what the citizen can do. */
  notVerified: '没能核实您的身份。已经为您呼叫工作人员，请稍等；您也可以稍后再试一次，或者带上身份证到人工窗口办理。',
  /** A limit of numbers per visit or of failed checks per number was reached: go to a window. */
  limitReached: '没能核实您的身份，这台机器上的核对次数已经用完了。请带上身份证到人工窗口办理。',
  /** The business system could not be asked (the same for every number). */
  unavailable: '业务系统暂时连不上，现在没法核实身份，请稍后再试，或者带上身份证到人工窗口办理。',
  /** vision/ failed (not a refusal): nothing about the citizen. */
  checkFailed: '刷脸核对出了故障，现在没法核实身份，请带上身份证到人工窗口办理。',
};
