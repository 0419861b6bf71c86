import type { LivenessChallengeKind } from '../../../api/kioskApi.js';
import type { QualityFailure } from '../../../../vision/quality/qualityFailure.js';
import type { VerificationOutcome } from '../../../../vision/verify/decideVerification.js';

const personChanged = '检测到镜头前换了人，';

/**
 * What the robot says and shows during 养老认证, and the face side of every identity check (positioning, challenges,
 * quality guidance, retries). The identity check's neutral lines are in app/core/identity/identityLines.ts.
 */
export const faceAuthLines = {
  explain: '养老认证要核对是您本人。请先输入您的身份证号，然后看着屏幕，按提示做几个动作。',
  /** The visit already verified the citizen: 养老认证 still needs a fresh live check, but not the number again. */
  explainLiveCheck: '养老认证要再核对一次是您本人。请看着屏幕，按提示做几个动作。',
  /** A well-formed number whose checksum fails (nothing looked up: it says nothing about anyone). */
  badIdNumber: '这个身份证号不对，请再仔细输一遍。',
  /** After the face matched: the business system's status of this citizen may now be asked and told. */
  lookingUp: '核对通过，正在查询您的认证信息，请稍等。',
  /** The visit's identity is known: the status is asked before the live check. */
  lookingUpKnown: '好的，正在查询您的认证信息，请稍等。',
  notPensioner: '系统显示您还没有领取养老金，不需要做养老认证。',
  alreadyAuthenticated: (due: string | null) => `您这个周期已经认证过了，${due ? `下次请在${formatDate(due)}前认证` : '暂时不需要再认证'}。`,
  backendDown: '业务系统暂时连不上，请稍后再试，或者到人工窗口办理。',
  positioning: '请正对屏幕，把脸放到框里。',
  /** What to fix when a frame does not count, for each of vision/'s quality failures: shown over the preview. */
  qualityGuidance: {
    'no-face': '请站到屏幕前，看着屏幕',
    'several-faces': '请只留一人在镜头前',
    'too-dark': '光线太暗，请站到亮一点的地方',
    'too-bright': '光线太强，请避开强光',
    'too-far': '请靠近一点',
    'too-close': '请离远一点',
    'off-centre': '请站到屏幕正中',
    'not-frontal': '请正对屏幕',
    blurred: '请保持不动',
  } satisfies Record<QualityFailure, string>,
  challenge: {
    blink: '请眨眨眼。',
    turnLeft: '请慢慢向左转头，再转回来。',
    turnRight: '请慢慢向右转头，再转回来。',
    openMouth: '请张张嘴。',
    nod: '请点点头。',
  } satisfies Record<LivenessChallengeKind, string>,
  verifying: '好的，正在核对，请稍等。',
  /**
   * Why vision/ refused an attempt: the start of the retry line. A refused comparison says nothing about the
   * photo on file: an unknown number and a number without a photo get the same words.
   */
  decision: {
    spoof: '没有通过活体检测，',
    'identity-changed': personChanged,
    'no-match': '没能核实您的身份，',
    'no-frames': '没有看清您的脸，',
  } satisfies Record<Exclude<VerificationOutcome, 'match'>, string>,
  cameraLost: '摄像头出了故障，这次没法刷脸认证。我已经请工作人员过来帮您，也可以到窗口办理。',
  submitting: '正在提交认证结果，请稍等。',
  authenticated: (due: string | null) => `认证成功！${due ? `下次请在${formatDate(due)}前再来认证。` : ''}`,
  queued: (due: string | null) =>
    `核对通过了。业务系统暂时连不上，认证结果已经保存，系统恢复后会自动提交，不用您再跑一趟。${due ? `下次请在${formatDate(due)}前认证。` : ''}`,
  submissionRejected: '核对通过了，但业务系统没有接受这次认证结果。我已经请工作人员过来帮您查看，也可以到窗口办理。',
  retry: (reason: string, left: number) => `${reason}我们再试一次，还可以试${left}次。`,
  timeout: '没有看到您做动作，',
  personChanged,
  cancelled: '已取消养老认证。',
};

/**
 * The guidance for a frame that does not count: the sentence of its first failure (vision/ lists them in the order
 * the citizen should fix them), null when there is none (a usable frame, or one refused for continuity alone).
 */
export function guidanceFor(failures: readonly QualityFailure[]): string | null {
  const first = failures[0];
  return first === undefined ? null : faceAuthLines.qualityGuidance[first];
}

/** 2026-11-30 → 2026年11月30日 */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}
