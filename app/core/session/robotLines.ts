/** What the robot says at each step of a visit. Kept together so the voice team can tune wording in one place. */
export const robotLines = {
  attract: '您好，我是人社智能服务机器人，点我或直接说话就能办事。',
  greeting: (robotName: string) => `您好，我是${robotName}。您想咨询什么政策，或者办什么业务？可以直接说，也可以点屏幕。`,
  askPolicy: '请问您想咨询什么政策？可以直接说，也可以在下面输入。',
  thinking: '好的，我查一下。',
  anythingElse: '还需要什么帮助吗？',
  farewell: '感谢您的咨询，祝您生活愉快，再见！',
  emptyQuestion: '没有听清您的问题，请再说一遍，或者在下面输入。',
  answerFailed: '抱歉，系统开小差了，我没能查到答案。您可以再问一次，或者找工作人员帮忙。',
  staffCalled: '好的，我已经呼叫工作人员，请您在这里稍等，工作人员马上过来。',
  staffCallFailed: '抱歉，呼叫工作人员没有成功，请到服务台找工作人员。',
  askWhere: '您要去哪里？可以说“带我去3号窗口”，也可以点下面的按钮。',
  guideStart: (label: string) => `好的，请跟我来，我带您去${label}。`,
  guideArrived: (label: string) => `${label}到了，请在这里办理。还有别的需要可以再来找我。`,
  guideBlocked: (label: string, directions: string) =>
    `前面有障碍，我过不去了。${label}在${directions || '大厅里'}，请您直接过去，或者找工作人员带您。`,
  guideUnavailable: (label: string, directions: string) =>
    `抱歉，我现在没法走过去。${label}在${directions || '大厅里'}，您可以直接过去，或者找工作人员帮忙。`,
  guideUnknownPlace: (label: string) => `大厅里没有${label}，请看一下叫号单上的窗口号，或者找工作人员问一下。`,
} as const;
