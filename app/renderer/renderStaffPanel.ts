import type { StaffPrintJobView, StaffView } from '../api/kioskApi.js';
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

/**
 * The staff panel, a full-screen overlay over the citizen screen: devices, open calls for staff, demo citizens
 * with a sample certificate print, recent print jobs, and 退出. A pure function of `view.staff`.
 */
export function renderStaffPanel(staff: StaffView, send: SendInput): HTMLElement {
  return h('section', { className: 'staff-overlay staff-panel', testId: 'staff-panel', attrs: { role: 'dialog', 'aria-modal': 'true', 'aria-label': '工作人员面板' } }, [
    h('header', { className: 'staff-bar' }, [
      h('h1', { className: 'staff-title' }, ['工作人员模式']),
      button('退出', () => send({ type: 'staff.lock' }), { className: 'staff-lock', testId: 'staff-lock' }),
    ]),
    staff.message && h('p', { className: 'staff-message', testId: 'staff-message', attrs: { role: 'status' } }, [staff.message]),
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
            h('span', { className: 'staff-row-name' }, [`#${request.id} ${requestReasonLabels[request.reason] ?? request.reason}`]),
            h('span', { className: 'staff-row-time' }, [formatTime(request.createdAt)]),
            button('已处理', () => send({ type: 'staff.closeRequest', id: request.id }), { className: 'staff-action', testId: `staff-close-request-${request.id}` }),
          ]),
        ),
      ),
      section('演示市民', 'staff-citizens', staff.demoCitizens.length === 0 ? '演示市民列表为空或正在加载。' : null,
        staff.demoCitizens.map((citizen) =>
          h('li', { className: 'staff-row staff-citizen', testId: `staff-citizen-${citizen.id}` }, [
            h('span', { className: 'staff-row-name' }, [citizen.name]),
            citizen.labels.length > 0 && h('span', { className: 'staff-labels' }, citizen.labels.map((label) => h('span', { className: 'staff-label' }, [label]))),
            button('打印参保证明样张', () => send({ type: 'staff.printSample', citizenId: citizen.id }), { className: 'staff-action', testId: `staff-print-${citizen.id}` }),
          ]),
        ),
      ),
      section('最近打印', 'staff-jobs', staff.printJobs.length === 0 ? '还没有打印任务。' : null,
        staff.printJobs.map((job) => renderJob(job, staff.demoCitizens.find((citizen) => citizen.id === job.citizenId)?.name ?? job.citizenId)),
      ),
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
