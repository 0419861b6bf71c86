import { maxQuestionLength } from './inputLimits.js';

/** What the screen is told, in plain Chinese, when it sent something the kiosk refuses. */
export const refusalMessages = {
  unusable: '无法识别的操作，请重新点选或输入。',
  emptyQuestion: '问题不能为空，请输入您想问的问题。',
  questionTooLong: `问题太长了，请控制在${maxQuestionLength}个字以内。`,
  unknownService: '没有这项服务，请重新选择。',
  badPin: '密码是4到12位数字。',
  badIdNumber: '身份证号是18位，由数字组成，最后一位可能是X，请重新输入。',
  badFrame: '摄像头画面无法识别，请稍后再试。',
  malformed: '消息格式错误，请重试。',
  tooLarge: '消息太长了，请重新操作。',
} as const;
