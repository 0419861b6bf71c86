import type { ServiceTile } from '../../api/kioskApi.js';

/** The tiles the screen offers: only services that really work in this build. */
export const availableServices: ServiceTile[] = [
  { id: 'policy-qa', label: '政策咨询', hint: '社保、就业、退休、工伤等政策' },
  { id: 'rights-query', label: '权益查询', hint: '查缴费、养老金、社保卡等本人记录' },
  { id: 'pension-auth', label: '养老认证', hint: '刷脸认证领取养老金资格' },
  { id: 'guide-to-window', label: '带我去窗口', hint: '机器人带您走到办事窗口' },
  { id: 'call-staff', label: '找工作人员', hint: '人工帮您办理' },
];

/** Greeting-screen suggestions; each must find a confident knowledge entry (checked by a test). */
export const suggestedQuestions: string[] = [
  '失业金怎么领？',
  '养老认证怎么办？',
  '社保卡丢了怎么办？',
  '打零工怎么交社保？',
  '我多大岁数退休？',
  '上班受伤了怎么认定工伤？',
];
