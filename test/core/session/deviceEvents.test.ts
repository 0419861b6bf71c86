import { describe, expect, it } from 'vitest';
import type { GuideOutcome } from '../../../app/core/services/guideOutcome.js';
import { robotLines } from '../../../app/core/session/robotLines.js';
import { voiceView } from '../../../app/core/session/toKioskView.js';
import { flush, phase, places, scriptedAuthChild, startSession } from './sessionHarness.js';

/** A guide move that only ends when it is stopped (the robot is walking). */
function walkingUntilStopped(stopped: { value: boolean }) {
  return (_input: unknown, signal: AbortSignal) =>
    new Promise<GuideOutcome>((resolve) =>
      signal.addEventListener('abort', () => {
        stopped.value = true;
        resolve({ result: 'cancelled', placeLabel: '3号窗口', directions: '' });
      }),
    );
}

describe('devices speak to the session machine', () => {
  describe('robot', () => {
    it('e-stop while guiding: the robot stops, says so with the way to go, and staff are called to reset it', async () => {
      const stopped = { value: false };
      const { actor, staffCalls, lines } = startSession({ guide: walkingUntilStopped(stopped) });
      actor.send({ type: 'citizen.text', text: '带我去3号窗口' });
      actor.send({ type: 'robot.guideStarted', placeLabel: '3号窗口' });
      expect(phase(actor.getSnapshot())).toBe('guiding');

      actor.send({ type: 'robot.estop', pressed: true });
      await flush();
      const line = robotLines.guideEmergencyStop('3号窗口', places['window-3'].directions);
      expect(stopped.value).toBe(true);
      expect(lines()).toEqual([robotLines.guideStart('3号窗口'), line]);
      expect(staffCalls).toEqual(['robot-estop']);
      expect(phase(actor.getSnapshot())).toBe('followUp');
      expect(actor.getSnapshot().context.notice).toBe(line);
      expect(actor.getSnapshot().context.devices.estop).toBe(true);
      // The e-stop line already said staff are coming: nothing more is said after the call is placed.
      expect(lines().at(-1)).toBe(line);
    });

    it('e-stop with nobody walking: staff are fetched, the citizen is not interrupted', async () => {
      const { actor, staffCalls, lines } = startSession();
      actor.send({ type: 'citizen.touch' });
      actor.send({ type: 'robot.speechEnded' });
      actor.send({ type: 'robot.estop', pressed: true });
      await flush();
      expect(staffCalls).toEqual(['robot-estop']);
      expect(phase(actor.getSnapshot())).toBe('listening');
      expect(lines()).toEqual([robotLines.greeting('小青')]);
      actor.send({ type: 'robot.estop', pressed: false });
      expect(actor.getSnapshot().context.devices.estop).toBe(false);
      expect(staffCalls).toEqual(['robot-estop']);
    });

    it('bumper while guiding: stops and tells the way; no staff call', async () => {
      const stopped = { value: false };
      const { actor, staffCalls } = startSession({ guide: walkingUntilStopped(stopped) });
      actor.send({ type: 'citizen.text', text: '带我去3号窗口' });
      actor.send({ type: 'robot.bumper', pressed: true });
      await flush();
      expect(stopped.value).toBe(true);
      expect(actor.getSnapshot().context.robotLine).toBe(robotLines.guideBumped('3号窗口', places['window-3'].directions));
      expect(staffCalls).toEqual([]);
    });

    it('link lost while guiding: the citizen is told where the place is; restored link is noted', async () => {
      const stopped = { value: false };
      const { actor } = startSession({ guide: walkingUntilStopped(stopped) });
      actor.send({ type: 'citizen.text', text: '带我去3号窗口' });
      actor.send({ type: 'robot.linkLost', reason: 'port-closed' });
      expect(actor.getSnapshot().context.robotLine).toBe(robotLines.guideUnavailable('3号窗口', places['window-3'].directions));
      expect(actor.getSnapshot().context.devices.robotLink).toBe('lost');
      actor.send({ type: 'robot.linkRestored' });
      expect(actor.getSnapshot().context.devices.robotLink).toBe('ok');
    });

    it('battery low asks staff to charge the robot, once per crossing, even between visits', async () => {
      const { actor, staffCalls } = startSession();
      actor.send({ type: 'robot.batteryLow', percent: 18 });
      await flush();
      expect(staffCalls).toEqual(['robot-battery-low']);
      expect(actor.getSnapshot().context.devices.batteryLow).toBe(true);
      expect(phase(actor.getSnapshot())).toBe('idle');
    });
  });

  describe('printer, during a citizen print job', () => {
    function printing() {
      const session = startSession();
      session.actor.send({ type: 'citizen.touch' });
      session.actor.send({ type: 'print.started', jobId: 'job-1' });
      expect(phase(session.actor.getSnapshot())).toBe('printing');
      return session;
    }

    it('paper-out: the citizen hears why and that staff come; resumed; done says where to take it', async () => {
      const { actor, staffCalls, lines, clock } = printing();
      actor.send({ type: 'printer.paused', jobId: 'job-1', reason: 'paper-out' });
      await flush();
      expect(lines().at(-1)).toBe(robotLines.printPaused('paper-out'));
      expect(actor.getSnapshot().context.notice).toBe(robotLines.printPaused('paper-out'));
      expect(staffCalls).toEqual(['printer-paper-out']);
      // A long wait gets one word of reassurance, not a nag every minute.
      clock.increment(60_000);
      expect(lines().at(-1)).toBe(robotLines.printStillPaused);
      clock.increment(600_000);
      expect(lines().filter((l) => l === robotLines.printStillPaused)).toHaveLength(1);

      actor.send({ type: 'printer.resumed', jobId: 'job-1' });
      expect(lines().at(-1)).toBe(robotLines.printResumed);
      actor.send({ type: 'printer.jobDone', jobId: 'job-1' });
      await flush();
      expect(lines().at(-1)).toBe(robotLines.printDone);
      expect(phase(actor.getSnapshot())).toBe('followUp');
      expect(staffCalls).toEqual(['printer-paper-out']);
    });

    it("another job's events do not reach the citizen", () => {
      const { actor, lines } = printing();
      const before = lines().length;
      actor.send({ type: 'printer.paused', jobId: 'job-9', reason: 'cover-open' });
      actor.send({ type: 'printer.jobDone', jobId: 'job-9' });
      expect(lines()).toHaveLength(before);
      expect(phase(actor.getSnapshot())).toBe('printing');
    });

    it('unconfirmed: the citizen is told it will not be printed twice and staff come to check', async () => {
      const { actor, staffCalls, lines } = printing();
      actor.send({ type: 'printer.jobUnconfirmed', jobId: 'job-1' });
      await flush();
      expect(lines().at(-1)).toBe(robotLines.printUnconfirmed);
      expect(staffCalls).toEqual(['print-unconfirmed']);
      expect(phase(actor.getSnapshot())).toBe('followUp');
    });

    it('failed: told honestly, staff called', async () => {
      const { actor, staffCalls, lines } = printing();
      actor.send({ type: 'printer.jobFailed', jobId: 'job-1', kind: 'unrecoverable' });
      await flush();
      expect(lines().at(-1)).toBe(robotLines.printFailed);
      expect(staffCalls).toEqual(['print-failed']);
    });

    it('a print job is only followed inside a visit', () => {
      const { actor } = startSession();
      actor.send({ type: 'print.started', jobId: 'job-1' });
      expect(phase(actor.getSnapshot())).toBe('idle');
    });
  });

  describe('microphone and speaker', () => {
    it('the microphone dying while listening is told, and its return too; the status bar follows', () => {
      const { actor, lines } = startSession();
      actor.send({ type: 'microphone.ready' });
      expect(voiceView(actor.getSnapshot().context.devices)).toEqual({ enabled: true, reason: null });
      actor.send({ type: 'citizen.touch' });
      actor.send({ type: 'robot.speechEnded' });
      actor.send({ type: 'microphone.fault', reason: 'device' });
      expect(lines().at(-1)).toBe(robotLines.microphoneLost);
      expect(actor.getSnapshot().context.notice).toBe(robotLines.microphoneLost);
      expect(voiceView(actor.getSnapshot().context.devices).enabled).toBe(false);
      expect(voiceView(actor.getSnapshot().context.devices).reason).toMatch(/麦克风/);
      expect(phase(actor.getSnapshot())).toBe('listening');
      actor.send({ type: 'microphone.ready' });
      expect(lines().at(-1)).toBe(robotLines.microphoneBack);
      expect(voiceView(actor.getSnapshot().context.devices).enabled).toBe(true);
    });

    it('between visits a microphone fault is noted silently; no recognizer is not a fault to announce', () => {
      const { actor, lines } = startSession();
      actor.send({ type: 'microphone.fault', reason: 'device' });
      actor.send({ type: 'citizen.touch' });
      actor.send({ type: 'microphone.fault', reason: 'no-recognizer' });
      expect(lines()).toEqual([robotLines.greeting('小青')]);
      expect(voiceView(actor.getSnapshot().context.devices).reason).toMatch(/语音识别模型/);
    });

    it('a dead speaker puts the line on screen as a notice', () => {
      const { actor } = startSession();
      actor.send({ type: 'citizen.touch' });
      actor.send({ type: 'speaker.fault' });
      expect(actor.getSnapshot().context.notice).toBe(robotLines.speakerLost);
      actor.send({ type: 'speaker.ready' });
      expect(actor.getSnapshot().context.devices.speaker).toBe('ok');
    });
  });

  describe('camera during 养老认证', () => {
    it('is forwarded to the service, whose outcome sends for staff; the ID question is asked with number patience', async () => {
      const { actor, staffCalls, said } = startSession({ pensionAuth: scriptedAuthChild });
      actor.send({ type: 'citizen.tapService', service: 'pension-auth' });
      expect(phase(actor.getSnapshot())).toBe('pensionAuth');
      expect(said.at(-1)).toEqual({ line: '请输入身份证号码。', listen: 'number' });
      actor.send({ type: 'camera.lost', reason: 'ended' });
      await flush();
      expect(actor.getSnapshot().context.devices.camera).toBe('lost');
      expect(staffCalls).toEqual(['camera-lost']);
      // The service's own last line already said staff are coming: it stays, nothing is said over it.
      expect(actor.getSnapshot().context.robotLine).toBe('摄像头出了故障。');
      expect(phase(actor.getSnapshot())).toBe('followUp');
    });

    it('a camera loss outside 养老认证 is only noted, and a repeated report does no harm', () => {
      const { actor, staffCalls } = startSession({ pensionAuth: scriptedAuthChild });
      actor.send({ type: 'camera.lost', reason: 'no-camera' });
      actor.send({ type: 'camera.lost', reason: 'no-camera' });
      expect(actor.getSnapshot().context.devices.camera).toBe('lost');
      expect(phase(actor.getSnapshot())).toBe('idle');
      expect(staffCalls).toEqual([]);
    });
  });
});
