import type { MicrophoneOffReason, PrinterPause } from '../devices/deviceSessionEvents.js';

/** What the robot says at each step of a visit. Kept together so the voice team can tune wording in one place. */
export const robotLines = {
  attract: '您好，我是人社智能服务机器人，点我或直接说话就能办事。',
  greeting: (robotName: string) => `您好，我是${robotName}。您想咨询什么政策，或者办什么业务？可以直接说，也可以点屏幕。`,
  introduction: (robotName: string) => `您好，我是${robotName}，能帮您咨询社保政策、带您去窗口、办养老认证，需要人帮忙也可以跟我说。您想办什么？`,
  askPolicy: '请问您想咨询什么政策？可以直接说，也可以在下面输入。',
  thinking: '好的，我查一下。',
  anythingElse: '还需要什么帮助吗？',
  farewell: '感谢您的咨询，祝您生活愉快，再见！',
  answerFailed: '抱歉，系统开小差了，我没能查到答案。您可以再问一次，或者找工作人员帮忙。',
  chooseQuery: '您想查哪一项？点一下就行，也可以直接说。查本人的记录需要先刷脸核实身份。',
  onlyOwnRecord: '这里只能查您本人的记录。别人的记录，需要本人来刷脸查询，或者带上委托材料到窗口办理。',
  citizenChanged: '好的，上一位的信息已经清除了。请问您想办什么？',
  /** The face was gone and one is back: whoever it is starts from nobody. */
  faceChanged: '为了保护您的信息，刚才查询的内容已经清除了。如果还要查本人的记录，需要再刷一次脸。',
  offerStaffForRecord: '需要的话，我可以帮您叫工作人员。',
  takePrintoutFirst: '正在打印上一位的材料，请先等打印完、取走单子，再换下一位。',
  nothingToPrint: '现在没有可以打印的查询结果。您想查什么，查到以后我可以帮您打印出来。',
  recordPrintUnavailable: '抱歉，打印机现在用不了，没能打印。您可以拍下屏幕，或者到窗口请工作人员打印。',
  recordUnavailable: '抱歉，业务系统这会儿查不到您的记录，我不能随便告诉您。请稍后再试，或者到窗口查询。',
  staffCalled: '好的，我已经呼叫工作人员，请您在这里稍等，工作人员马上过来。',
  staffCallFailed: '抱歉，呼叫工作人员没有成功，请到服务台找工作人员。',
  askWhere: '您要去哪里？可以说“带我去3号窗口”，也可以点下面的按钮。',
  guideStart: (label: string) => `好的，请跟我来，我带您去${label}。`,
  guideArrived: (label: string) => `${label}到了，请在这里办理。还有别的需要可以再来找我。`,
  guideBlocked: (label: string, directions: string) =>
    `前面有障碍，我过不去了。${label}在${directions || '大厅里'}，请您直接过去，或者找工作人员带您。`,
  guideBumped: (label: string, directions: string) =>
    `我碰到东西了，先停下来。${label}在${directions || '大厅里'}，请您直接过去，或者找工作人员带您。`,
  guideUnavailable: (label: string, directions: string) =>
    `抱歉，我现在没法走过去。${label}在${directions || '大厅里'}，您可以直接过去，或者找工作人员帮忙。`,
  guideUnknownPlace: (label: string) => `大厅里没有${label}，请看一下叫号单上的窗口号，或者找工作人员问一下。`,
  /** The e-stop was pressed while walking: a person must reset it, so staff are on their way. */
  guideEmergencyStop: (label: string, directions: string) =>
    `我被紧急停止了，不能再带您走了。${label}在${directions || '大厅里'}。我已经呼叫工作人员，请您稍等。`,
  microphoneLost: '我现在听不到声音了，请您点屏幕或者在下面输入，我照样能帮您办。',
  microphoneBack: '我又能听到声音了，您可以直接跟我说。',
  speakerLost: '我的喇叭出了故障，说不出话了，请您看屏幕上的文字。',
  printPaused: (reason: PrinterPause) => printPauseLines[reason],
  printResumed: '打印机好了，正在接着打印，请稍候。',
  printStillPaused: '还在等工作人员处理打印机，请您再稍等一下。',
  printDone: '打好了，请在出纸口取走。',
  printFailed: '抱歉，打印机出了故障，没能打出来。我已经呼叫工作人员，请您稍等。',
  printUnconfirmed: '打印机出了问题，我不能确定是否已经打出来。请您稍等，工作人员马上过来核实，不会重复打印。',
} as const;

const printPauseLines: Record<PrinterPause, string> = {
  'paper-out': '打印机没纸了，我已经请工作人员来装纸，装好后会接着打印，请您稍等。',
  'cover-open': '打印机的盖子开着，打印先停一下，盖好后会接着打印，请您稍等。',
  offline: '打印机暂时连不上，打印先停一下，我已经请工作人员处理，请您稍等。',
};

/** Why the robot cannot hear, for the status bar under the screen. */
export const hearingOffReasons: Record<MicrophoneOffReason | 'starting', string> = {
  starting: '语音功能未启用，请用触摸屏或键盘提问。',
  disabled: '语音功能已关闭，请用触摸屏或键盘提问。',
  'no-recognizer': '本机没有可用的语音识别模型，请用触摸屏或键盘提问。',
  device: '麦克风没有声音，请用触摸屏操作或找工作人员。',
  failed: '语音功能没有启动成功，请用触摸屏或键盘提问。',
};
