/** Why a frame does not count, in the order the citizen should fix them. */
export type QualityFailure =
  | 'no-face'
  | 'several-faces'
  | 'too-dark'
  | 'too-bright'
  | 'too-far'
  | 'too-close'
  | 'off-centre'
  | 'not-frontal'
  | 'blurred';

/** One plain sentence the screen shows and the robot says. */
export const QUALITY_GUIDANCE: Record<QualityFailure, string> = {
  'no-face': '请站到屏幕前，看着屏幕',
  'several-faces': '请只留一人在镜头前',
  'too-dark': '光线太暗，请站到亮一点的地方',
  'too-bright': '光线太强，请避开强光',
  'too-far': '请靠近一点',
  'too-close': '请离远一点',
  'off-centre': '请站到屏幕正中',
  'not-frontal': '请正对屏幕',
  blurred: '请保持不动',
};
