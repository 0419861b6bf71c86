import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { kioskCliInTempDir } from './runKioskCli.js';

const cli = kioskCliInTempDir('kiosk-nlu-');
afterAll(() => rmSync(cli.dir, { recursive: true, force: true }));

describe('kiosk nlu', () => {
  it('writes one {"utterance","intent","service","confidence","slots"} line per input line, in order', async () => {
    const input = ['{"utterance": "俺的社保卡丢了咋整"}', '', '{"utterance": "带我去3号窗口"}', '{"utterance": "wo yao zuo yang lao ren zheng"}'].join('\n');
    const { code, stdout } = await cli.run(['nlu'], input);
    expect(code).toBe(0);
    const out = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(3);
    for (const line of out) expect(Object.keys(line)).toEqual(['utterance', 'intent', 'service', 'confidence', 'slots']);
    expect(out[0]).toMatchObject({ utterance: '俺的社保卡丢了咋整', intent: 'report_card_loss', service: 'report_card_loss', slots: { cardType: 'social-security-card' } });
    expect(out[1]).toMatchObject({ intent: 'guide_to_place', slots: { place: 'window-3' } });
    expect(out[2]).toMatchObject({ intent: 'pension_auth', service: 'pension_auth' });
    expect(typeof out[0]!.confidence).toBe('number');
  });

  it('keeps outputs aligned with inputs: a bad line gets an error line and the exit code says so', async () => {
    const { code, stdout } = await cli.run(['nlu'], ['not json', '{"question": "wrong key"}', '{"utterance": "再见"}'].join('\n'));
    expect(code).toBe(1);
    const out = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => ('error' in o ? 'error' : o.intent))).toEqual(['error', 'error', 'goodbye']);
  });
});
