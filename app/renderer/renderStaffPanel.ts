import type { StaffOutboxEntryView, StaffPrintJobView, StaffView } from '../api/kioskApi.js';
import { transactionKindTitles, transactionStaffReasonLabel } from '../api/transactionTitles.js';
import type { SendInput } from './kioskActions.js';
import { button, h, type Child } from './dom.js';

/** Print job states in the words of the hall's staff; an unknown state is shown as the core sent it. */
const jobStateLabels: Record<string, string> = {
  queued: '排队中',
  printing: '打印中',
  paused: '已暂停',
  done: '已完成',
  failed: '失败',
  unconfirmed: '待确认',
};

/** Why a citizen called for staff. */
const requestReasonLabels: Record<string, string> = {
  'citizen-request': '市民要求人工服务',
  'kb-cannot-answer': '知识库无法回答',
};

/** Transactions and their states in the words of the hall's staff; an unknown kind is shown as the core sent it. */
const outboxKindLabels: Record<string, string> = { ...transactionKindTitles, 'pension-auth': '养老认证结果' };
const outboxStateLabels: Record<StaffOutboxEntryView['state'], string> = {
  pending: '等待发送',
  sending: '发送中',
  delivered: '已送达',
  rejected: '被业务系统拒绝',
};

/** The reference-photo camera view for one demo citizen, opened from the panel. */
export interface StaffEnrolment {
  citizenId: string;
  name: string;
  /** The live camera preview (kept by the overlay, so it does not restart on every redraw). */
  preview: HTMLElement;
  hint: string | null;
  busy: boolean;
  capture(): void;
  close(): void;
}

export interface StaffPanelExtras {
  enrolment: StaffEnrolment | null;
  startEnrolment(citizenId: string): void;
}

/**
 * The staff panel, a full-screen overlay over the citizen screen: devices, open calls for staff, demo citizens
 * with a sample certificate print and a reference photo for 养老认证, recent print jobs, and 退出.
 * A pure function of `view.staff` and the open enrolment.
 */
export function renderStaffPanel(staff: StaffView, send: SendInput, extras: StaffPanelExtras = { enrolment: null, startEnrolment: () => {} }): HTMLElement {
  return h('section', { className: 'staff-overlay staff-panel', testId: 'staff-panel', attrs: { role: 'dialog', 'aria-modal': 'true', 'aria-label': '工作人员面板' } }, [
    h('header', { className: 'staff-bar' }, [
      h('h1', { className: 'staff-title' }, ['工作人员模式']),
      button('退出', () => send({ type: 'staff.lock' }), { className: 'staff-lock', testId: 'staff-lock' }),
    ]),
    staff.message && h('p', { className: 'staff-message', testId: 'staff-message', attrs: { role: 'status' } }, [staff.message]),
    extras.enrolment && renderEnrolment(extras.enrolment),
    h('div', { className: 'staff-sections' }, [
      section('设备状态', 'staff-devices', staff.devices.length === 0 ? '暂无设备信息。' : null,
        staff.devices.map((device) =>
          h('li', { className: 'staff-row staff-device', attrs: { 'data-state': device.state } }, [
            h('span', { className: 'staff-row-name' }, [device.name]),
            h('span', { className: 'staff-state' }, [device.state]),
            device.detail && h('span', { className: 'staff-row-detail' }, [device.detail]),
          ]),
        ),
      ),
      section('人工呼叫', 'staff-requests', staff.staffRequests.length === 0 ? '没有待处理的呼叫。' : null,
        staff.staffRequests.map((request) =>
          h('li', { className: 'staff-row staff-request', testId: `staff-request-${request.id}` }, [
            h('span', { className: 'staff-row-name' }, [`#${request.id} ${requestReasonLabels[request.reason] ?? transactionStaffReasonLabel(request.reason) ?? request.reason}`]),
            h('span', { className: 'staff-row-time' }, [formatTime(request.createdAt)]),
            button('已处理', () => send({ type: 'staff.closeRequest', id: request.id }), { className: 'staff-action', testId: `staff-close-request-${request.id}` }),
          ]),
        ),
      ),
      staff.outbox &&
        section('业务提交', 'staff-outbox', staff.outbox.length === 0 ? '还没有业务提交。' : null, staff.outbox.map(renderOutboxEntry)),
      section('演示市民', 'staff-citizens', staff.demoCitizens.length === 0 ? '演示市民列表为空或正在加载。' : null,
        staff.demoCitizens.map((citizen) =>
          h('li', { className: 'staff-row staff-citizen', testId: `staff-citizen-${citizen.id}` }, [
            h('span', { className: 'staff-row-name' }, [citizen.name]),
            citizen.labels.length > 0 && h('span', { className: 'staff-labels' }, citizen.labels.map((label) => h('span', { className: 'staff-label' }, [label]))),
            h('span', { className: 'staff-actions' }, [
              button('打印参保证明样张', () => send({ type: 'staff.printSample', citizenId: citizen.id }), { className: 'staff-action', testId: `staff-print-${citizen.id}` }),
              button('拍摄参考照片', () => extras.startEnrolment(citizen.id), { className: 'staff-action staff-action-secondary', testId: `staff-enroll-${citizen.id}` }),
            ]),
          ]),
        ),
      ),
      section('最近打印', 'staff-jobs', staff.printJobs.length === 0 ? '还没有打印任务。' : null,
        staff.printJobs.map((job) => renderJob(job, staff.demoCitizens.find((citizen) => citizen.id === job.citizenId)?.name ?? job.citizenId)),
      ),
    ]),
  ]);
}

/** One transaction: what, where it stands, how often it was tried, and the reference or the refusal. */
function renderOutboxEntry(entry: StaffOutboxEntryView): HTMLElement {
  const detail =
    entry.state === 'delivered'
      ? `编号 ${entry.reference ?? ''}`
      : entry.state === 'rejected'
        ? `原因 ${entry.rejectionReason ?? ''}`
        : `已尝试${entry.attempts}次${entry.nextAttemptAt ? `，下次 ${formatTime(entry.nextAttemptAt)}` : ''}`;
  return h('li', { className: 'staff-row staff-outbox-entry', testId: `staff-outbox-${entry.id}`, attrs: { 'data-state': entry.state } }, [
    h('span', { className: 'staff-row-name' }, [`#${entry.id} ${outboxKindLabels[entry.kind] ?? entry.kind}`]),
    h('span', { className: 'staff-state' }, [outboxStateLabels[entry.state]]),
    h('span', { className: 'staff-row-detail' }, [detail]),
    h('span', { className: 'staff-row-time' }, [formatTime(entry.updatedAt)]),
  ]);
}

/** A small camera view: the citizen faces the camera, staff take one picture; it goes to the core as the reference. */
function renderEnrolment(enrolment: StaffEnrolment): HTMLElement {
  const capture = button(enrolment.busy ? '正在拍照…' : '拍照', enrolment.capture, { className: 'staff-action staff-enroll-capture', testId: 'staff-enroll-capture' });
  capture.disabled = enrolment.busy;
  return h('section', { className: 'staff-section staff-enroll', testId: 'staff-enroll', attrs: { 'data-citizen-id': enrolment.citizenId } }, [
    h('h2', { className: 'staff-section-title' }, [`拍摄参考照片 · ${enrolment.name}`]),
    h('p', { className: 'staff-enroll-note' }, ['请市民正对摄像头，脸放进框里、框变绿后点“拍照”。照片只交给本机的核验程序，用于此人的养老认证比对。']),
    h('div', { className: 'staff-enroll-camera' }, [enrolment.preview]),
    enrolment.hint && h('p', { className: 'staff-enroll-hint', testId: 'staff-enroll-hint', attrs: { role: 'status' } }, [enrolment.hint]),
    h('div', { className: 'staff-enroll-buttons' }, [
      capture,
      button('关闭', enrolment.close, { className: 'staff-action staff-action-secondary', testId: 'staff-enroll-close' }),
    ]),
  ]);
}

function renderJob(job: StaffPrintJobView, citizenName: string): HTMLElement {
  return h('li', { className: 'staff-row staff-job', testId: `staff-job-${job.id}`, attrs: { 'data-state': job.state, 'data-citizen-id': job.citizenId } }, [
    h('span', { className: 'staff-row-name' }, [`参保证明样张 · ${citizenName}`]),
    h('span', { className: 'staff-state' }, [jobStateLabels[job.state] ?? job.state]),
    job.message && h('span', { className: 'staff-row-detail' }, [job.message]),
    h('span', { className: 'staff-row-time' }, [formatTime(job.at)]),
  ]);
}

function section(title: string, testId: string, empty: string | null, rows: HTMLElement[]): HTMLElement {
  const content: Child = empty ? h('p', { className: 'staff-empty' }, [empty]) : h('ul', { className: 'staff-list' }, rows);
  return h('section', { className: 'staff-section', testId }, [h('h2', { className: 'staff-section-title' }, [title]), content]);
}

/** "5月3日 14:03" for an ISO time (in the kiosk's time zone); anything unparsable as sent. */
function formatTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${at.getMonth() + 1}月${at.getDate()}日 ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}
