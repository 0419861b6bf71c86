/**
 * 补换社保卡 and 就业创业证申领 from a kiosk. Like every write, each handler checks everything before it writes, and
 * runs inside the transaction that also stores its idempotency record (createBackendSimulator.ts).
 */
import { chinaDateOf, chinaDateTimeOf, chinaYearMonthOf, addMonthsToYearMonth } from '../calendar.js';
import { FLEXIBLE_EMPLOYMENT_PAYER, type CardStatus } from '../backendTypes.js';
import {
  CARD_PRODUCTION_WORKING_DAYS,
  CARD_REPLACEMENT_FEE_YUAN,
  PAPER_CERTIFICATE_WORKING_DAYS,
  addWorkingDays,
  cardPickupHall,
  cardReplacementDetailsSchema,
  employmentCertificateApplicationSchema,
  maskCertificateNumber,
  maskMailingAddress,
  type CardReplacementResult,
  type EmploymentCertificateIssued,
} from '../cardAndCertificateTypes.js';
import { requireCitizen } from './citizenRows.js';
import { HttpProblem } from './httpProblem.js';
import { maskCardNumber } from './masking.js';
import { created, type RouteContext, type RouteResult } from './route.js';
import type { SimulatorDatabase } from './simulatorDatabase.js';

/** "ZK20250314-0001": the first number of the day not taken (seeded applications share the prefix). */
function nextId(db: SimulatorDatabase, table: 'card_applications' | 'employment_certificate_applications', prefix: string, now: number): string {
  const stem = `${prefix}${chinaDateOf(now).replaceAll('-', '')}-`;
  const exists = db.prepare(`SELECT COUNT(*) FROM ${table} WHERE application_id = ?`).pluck();
  let serial = (db.prepare(`SELECT COUNT(*) FROM ${table} WHERE application_id LIKE ?`).pluck().get(`${stem}%`) as number) + 1;
  while ((exists.get(`${stem}${String(serial).padStart(4, '0')}`) as number) > 0) serial += 1;
  return `${stem}${String(serial).padStart(4, '0')}`;
}

/** "2025-03-28" → "2025年3月28日", as the robot says it. */
function dayWords(date: string): string {
  const [year, month, day] = date.split('-');
  return `${year}年${Number(month)}月${Number(day)}日`;
}

/** A mailing address must name the street (街道/镇/路) and the door (号/楼/单元/室). */
const ADDRESS_STREET = /街道|镇|路|街|村|社区|小区/;
const ADDRESS_DOOR = /[\d一二三四五六七八九十零〇两百]+(号|楼|单元|室|户)/;

/**
 * 补换社保卡. 挂失后补卡 needs a card reported lost (挂失 or 临时挂失); 卡损坏 / 卡过期换卡 / 信息变更换卡 need the card
 * in hand (not reported lost). A card already being replaced, or sealed (封存), is refused. The card becomes 补卡中
 * and a card application appears in 制卡进度, to be collected at the chosen hall or mailed to the address.
 */
export function applyCardReplacement({ db, params, body, kioskId, now }: RouteContext): RouteResult {
  const citizen = requireCitizen(db, params.citizenId!);
  const request = cardReplacementDetailsSchema.safeParse(body);
  if (!request.success) throw new HttpProblem(400, 'INVALID_REQUEST', '补换卡信息不完整或格式不对');
  const { reason, collection } = request.data;
  const hall = collection.method === 'pickup' ? cardPickupHall(collection.hallCode) : undefined;
  if (collection.method === 'pickup' && !hall) throw new HttpProblem(422, 'UNKNOWN_PICKUP_HALL', '所选领卡大厅不在可领卡网点之列');
  if (collection.method === 'mail' && !(ADDRESS_STREET.test(collection.address) && ADDRESS_DOOR.test(collection.address))) {
    throw new HttpProblem(422, 'INVALID_ADDRESS', '邮寄地址应包含街道（镇）、小区和门牌号');
  }

  const card = db.prepare('SELECT card_number, status FROM cards WHERE citizen_id = ?').get(citizen.citizen_id) as
    | { card_number: string; status: CardStatus }
    | undefined;
  if (!card) throw new HttpProblem(404, 'CARD_NOT_FOUND', '未查询到该参保人的社保卡');
  if (card.status === '补卡中') throw new HttpProblem(409, 'CARD_REPLACEMENT_IN_PROGRESS', '该社保卡已在补换中，不能重复申请');
  if (card.status === '封存') throw new HttpProblem(409, 'CARD_SEALED', '该社保卡已封存，请到服务大厅或合作银行办理');
  const reportedLost = card.status === '挂失' || card.status === '临时挂失';
  if (reason === '挂失后补卡' && !reportedLost) throw new HttpProblem(409, 'CARD_NOT_REPORTED_LOST', '该社保卡未挂失，补卡前须先办理挂失');
  if (reason !== '挂失后补卡' && reportedLost) throw new HttpProblem(409, 'CARD_REPORTED_LOST', '该社保卡已挂失，应办理挂失后补卡');

  const today = chinaDateOf(now);
  const appliedAt = chinaDateTimeOf(now);
  const applicationId = nextId(db, 'card_applications', 'ZK', now);
  const kind = reason === '挂失后补卡' ? '补卡' : '换卡';
  const fee = CARD_REPLACEMENT_FEE_YUAN[reason];
  const expectedReadyDate = addWorkingDays(today, CARD_PRODUCTION_WORKING_DAYS[collection.method]);
  const address = collection.method === 'mail' ? collection.address : null;

  db.prepare(`INSERT INTO card_applications
    (application_id, citizen_id, kind, channel, applied_date, stages_json, pickup_hall, pickup_window, carrier, tracking_number, mailing_address)
    VALUES (?, ?, ?, '自助服务机', ?, ?, ?, NULL, NULL, NULL, ?)`).run(
    applicationId, citizen.citizen_id, kind, today, JSON.stringify([{ stage: '已受理', date: today }]), hall?.name ?? null, address,
  );
  db.prepare(`INSERT INTO card_replacements
    (application_id, citizen_id, kiosk_id, reason, previous_status, collection_method, hall_code, mailing_address, fee_fen, expected_ready_date, applied_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    applicationId, citizen.citizen_id, kioskId, reason, card.status, collection.method, hall?.code ?? null, address, Math.round(fee * 100), expectedReadyDate, appliedAt,
  );
  db.prepare("UPDATE cards SET status = '补卡中', status_since = ? WHERE citizen_id = ?").run(today, citizen.citizen_id);

  const payWhen = collection.method === 'pickup' ? '领卡时在大厅缴纳' : '快递送卡上门时缴纳';
  const feeWords = fee > 0 ? `工本费${fee}元，${payWhen}。` : '这次补换卡不收工本费。';
  const whereWords = hall
    ? `新卡预计${dayWords(expectedReadyDate)}以后可以领取，做好后会短信通知您，请带身份证到${hall.name}领取。`
    : `新卡做好后用EMS寄到您留的地址，预计${dayWords(expectedReadyDate)}前后送到，寄出后会短信告诉您快递单号。`;
  const oldCard = kind === '补卡' ? '原来挂失的卡已经作废。' : hall ? '领新卡时请把旧卡带来交回。' : '';

  const result: CardReplacementResult = {
    applicationId,
    citizenId: citizen.citizen_id,
    kind,
    reason,
    cardNumberMasked: maskCardNumber(card.card_number),
    previousStatus: card.status,
    status: '补卡中',
    collection: hall ? { method: 'pickup', hallCode: hall.code, hallName: hall.name } : { method: 'mail', addressMasked: maskMailingAddress(address!) },
    fee,
    expectedReadyDate,
    appliedAt,
    nextSteps: `${whereWords}${feeWords}${oldCard}`,
  };
  return created(result);
}

/** Qingdao's area code in a certificate number issued by the city's system: 370200 + year + six-digit serial. */
const CITY_AREA_CODE = '370200';

/**
 * 就业创业证申领. Someone who already holds a valid certificate is refused (a lost one is 补办 at the street office),
 * and so is a pensioner; someone who applies as 失业人员 while an employer still pays their insurance is refused.
 * Otherwise a number is issued at once: the 电子证 is valid now, the 纸质证 is collected at the street's 人社服务站.
 */
export function applyEmploymentCertificate({ db, params, body, kioskId, now }: RouteContext): RouteResult {
  const citizen = requireCitizen(db, params.citizenId!);
  const request = employmentCertificateApplicationSchema.safeParse(body);
  if (!request.success) throw new HttpProblem(400, 'INVALID_REQUEST', '就业创业证申领信息不完整或格式不对');
  const { situation, street, form } = request.data;

  const held = db.prepare("SELECT certificate_number FROM employment_certificates WHERE citizen_id = ? AND status = '有效'").pluck().get(citizen.citizen_id) as string | undefined;
  if (held !== undefined) {
    throw new HttpProblem(409, 'ALREADY_HAS_CERTIFICATE', `已持有有效的就业创业证（证号${maskCertificateNumber(held)}），遗失的请到街道（乡镇）人社服务站补办`);
  }
  if (citizen.is_pensioner === 1) throw new HttpProblem(409, 'CERTIFICATE_NOT_FOR_PENSIONER', '已退休领取养老金人员不能申领就业创业证');
  if (situation === '失业人员') {
    const thisMonth = chinaYearMonthOf(now);
    const employed = db
      .prepare('SELECT COUNT(*) FROM contributions WHERE citizen_id = ? AND month >= ? AND payer != ?')
      .pluck()
      .get(citizen.citizen_id, addMonthsToYearMonth(thisMonth, -1), FLEXIBLE_EMPLOYMENT_PAYER) as number;
    if (employed > 0) throw new HttpProblem(409, 'UNEMPLOYED_BUT_EMPLOYED', '当前有单位为其缴纳社会保险，不能以失业人员身份申领');
  }

  const today = chinaDateOf(now);
  const year = today.slice(0, 4);
  const issuedThisYear = db.prepare('SELECT COUNT(*) FROM employment_certificates WHERE certificate_number LIKE ?').pluck().get(`${CITY_AREA_CODE}${year}%`) as number;
  const certificateNumber = `${CITY_AREA_CODE}${year}${String(issuedThisYear + 1).padStart(6, '0')}`;
  const office = `${street}人社服务站`;
  const pickupFrom = form === '纸质证' ? addWorkingDays(today, PAPER_CERTIFICATE_WORKING_DAYS) : null;
  const appliedAt = chinaDateTimeOf(now);
  const applicationId = nextId(db, 'employment_certificate_applications', 'JC', now);

  // A cancelled (已注销) certificate is replaced by the new one: a citizen holds one certificate at a time.
  db.prepare(`INSERT INTO employment_certificates (citizen_id, certificate_number, issued_date, issued_by, status, form) VALUES (?, ?, ?, ?, '有效', ?)
    ON CONFLICT (citizen_id) DO UPDATE SET certificate_number = excluded.certificate_number, issued_date = excluded.issued_date,
      issued_by = excluded.issued_by, status = '有效', form = excluded.form`).run(citizen.citizen_id, certificateNumber, today, office, form);
  db.prepare(`INSERT INTO employment_certificate_applications
    (application_id, citizen_id, kiosk_id, situation, street, form, certificate_number, pickup_from, applied_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(applicationId, citizen.citizen_id, kioskId, situation, street, form, certificateNumber, pickupFrom, appliedAt);
  // 业务办理进度 lists it with the kiosk's other applications: an 电子证 is done, a 纸质证 waits to be collected.
  db.prepare(`INSERT INTO service_applications (application_id, citizen_id, kind, channel, submitted_at, state, stage, updated_date)
    VALUES (?, ?, '就业创业证申领', '自助服务机', ?, ?, ?, ?)`).run(
    applicationId, citizen.citizen_id, appliedAt, form === '电子证' ? '已办结' : '办理中', form === '电子证' ? '已发证' : '待领取', today,
  );

  const issued: EmploymentCertificateIssued = {
    applicationId,
    citizenId: citizen.citizen_id,
    certificateNumber,
    form,
    issuedDate: today,
    issuedBy: office,
    pickup: pickupFrom === null ? null : { place: office, fromDate: pickupFrom },
    nextSteps: pickupFrom === null
      ? '电子就业创业证已经生效，办理就业创业补贴、贷款等业务时出示证号或电子证即可。'
      : `纸质就业创业证请在${dayWords(pickupFrom)}以后带身份证到${office}领取；证号现在就可以使用。`,
  };
  return created(issued);
}
