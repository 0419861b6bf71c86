/**
 * What the citizen hears when a business-system call fails. Chosen here on the kiosk, not taken from the
 * server's message, so the robot never reads out technical text and the wording stays plain and consistent.
 */
import type { BackendErrorKind } from './backendError.js';

const ASK_STAFF = '请稍后再试，或找工作人员帮忙。';

const BY_KIND: Record<BackendErrorKind, string> = {
  // A timed-out write may still have gone through: do not tell the citizen it failed.
  timeout: `业务系统这会儿没有及时回复，${ASK_STAFF}`,
  unreachable: `业务系统暂时连不上，${ASK_STAFF}`,
  rejected: '这项业务暂时办不了，请找工作人员帮忙。',
  'not-found': '没有查到相关信息，请核对后再试，或找工作人员帮忙。',
  server: `业务系统出了点问题，${ASK_STAFF}`,
  'invalid-response': '业务系统返回的信息不完整，请找工作人员帮忙。',
};

/** Codes where the citizen can do something better than "ask staff". */
const BY_CODE = new Map<string, string>(Object.entries({
  // Signature and configuration problems are the kiosk's fault, not the citizen's.
  MISSING_SIGNATURE: '这台机器暂时不能办理这项业务，请找工作人员帮忙。',
  UNKNOWN_KIOSK: '这台机器暂时不能办理这项业务，请找工作人员帮忙。',
  BAD_SIGNATURE: '这台机器暂时不能办理这项业务，请找工作人员帮忙。',
  CLOCK_SKEW: '这台机器暂时不能办理这项业务，请找工作人员帮忙。',
  REPLAYED_NONCE: `这次请求没有成功，${ASK_STAFF}`,
  INVALID_ID_NUMBER: '身份证号码好像不对，请核对后再输入一次。',
  CITIZEN_NOT_FOUND: '没有查到这个身份证号码的参保信息，请核对号码，或找工作人员帮忙。',
  CARD_NOT_FOUND: '没有查到您的社保卡信息，请找工作人员帮忙。',
  CARD_ALREADY_LOST: '您的社保卡已经挂失了，不用重复办理。',
  CARD_BEING_REPLACED: '您的社保卡正在补办中，不需要再挂失。',
  CARD_SEALED: '您的社保卡已经封存了，请带身份证到服务大厅或合作银行办理。',
  CARD_REPLACEMENT_APPLIED: '您已经申请了补办新卡，原来的卡不能再解挂了，新卡做好后会通知您领取。',
  CARD_NOT_LOST: '您的社保卡没有挂失，可以正常使用，不需要解挂。',
  INVALID_PHONE: '这个号码不是有效的手机号码，请核对后再办理。',
  PHONE_UNCHANGED: '这个号码和您现在登记的手机号码一样，不需要变更。',
  INVALID_CERTIFICATE_NUMBER: '证书编号好像不对，请核对证书上的编号后再输入一次。',
  CERTIFICATE_NOT_FOUND: '没有查到这个编号的证书，请核对证书上的编号，或找工作人员帮忙。',
  ALREADY_REGISTERED: '您已经登记过灵活就业了，不用重复登记。',
  NOT_ELIGIBLE_PENSIONER: '您已经在领取养老金，不能再登记灵活就业参保。',
  NOT_ELIGIBLE_EMPLOYED: '您现在有单位为您缴纳社保，不能同时登记灵活就业。',
  NOT_PENSIONER: '您目前没有领取养老金，不需要做养老认证。',
  REFERENCE_PHOTO_NOT_FOUND: '没有找到您的参考照片，请到人工窗口办理。',
  // 补换社保卡 and 就业创业证申领
  CARD_REPLACEMENT_IN_PROGRESS: '您的社保卡已经在补换了，不用重复申请。新卡做到哪一步，可以问我“我的卡做好了没有”。',
  CARD_NOT_REPORTED_LOST: '您的社保卡还没有挂失。卡丢了要先挂失才能补卡；卡还在手上的，请选卡损坏、卡过期或信息变更换卡。',
  CARD_REPORTED_LOST: '您的社保卡已经挂失了，要办的是“挂失后补卡”，请重新选择补卡原因。',
  UNKNOWN_PICKUP_HALL: '这个大厅暂时不能领社保卡，请换一个领卡大厅。',
  INVALID_ADDRESS: '邮寄地址要写清楚街道、小区和门牌号，请重新说一下地址。',
  ALREADY_HAS_CERTIFICATE: '您已经有一张有效的就业创业证了，不用重复申领。证丢了的话，请带身份证到街道（乡镇）人社服务站补办。',
  CERTIFICATE_NOT_FOR_PENSIONER: '您已经退休在领养老金了，不能再申领就业创业证。',
  UNEMPLOYED_BUT_EMPLOYED: '系统显示现在还有单位在给您交社保，不能按失业人员申领。已经离职的，请等单位办完停保以后再来；也可以按实际情况选灵活就业或自主创业。',
  // 技能提升补贴申领 (the rules of knowledge base D08) and 联系方式变更 with an address
  CERTIFICATE_TOO_OLD: '技能提升补贴要在证书发证之日起12个月内申请，这张证书已经超过期限了。',
  CERTIFICATE_REVOKED: '这张证书已经注销了，不能申请技能提升补贴。',
  NOT_ENOUGH_INSURANCE: '技能提升补贴要求参加失业保险累计满12个月，或者正在领失业保险金，您现在还不够条件。',
  ALREADY_SUBSIDISED: '同一个职业同一个等级的证书只能领一次技能提升补贴，这张证书（或者同职业更高等级的证书）已经领过了。',
  LEVEL_NOT_COVERED: '技师和高级技师证书的补贴这台机器办不了，请到窗口咨询。',
  SUBSIDY_LIMIT_REACHED: '技能提升补贴每人每年最多领3次，您今年已经领满了。',
  CONTACT_UNCHANGED: '您说的手机号码和联系地址都和现在登记的一样，不需要变更。',
  // Enrolment is done by staff: these are read by them.
  INVALID_PHOTO: '照片格式不对，请重新拍一张。',
  PHOTO_TOO_LARGE: '照片太大了，请重新拍一张。',
}));

export function citizenMessageFor(kind: BackendErrorKind, code: string): string {
  // A business code only speaks for the kind it belongs to (a 5xx never claims "card already lost").
  if (kind === 'rejected' || kind === 'not-found') return BY_CODE.get(code) ?? BY_KIND[kind];
  return BY_KIND[kind];
}
