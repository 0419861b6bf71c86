import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../app/core/log/createLogger.js';
import { createFieldCipher } from '../../../app/core/privacy/fieldCipher.js';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
  return { lines, log: createLogger({ level: 'info', destination: destination as never }) };
}

describe('structured logging', () => {
  it('writes JSON lines with no ID number, phone or name in clear', () => {
    const { lines, log } = capture();
    log.info({ citizen: { name: '李四', idNumber: '370202199001011234', phone: '13912345678' }, step: 'lookup' }, '查询 370202199001011234');
    const record = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(record.step).toBe('lookup');
    const text = lines.join('');
    expect(text).not.toContain('370202199001011234');
    expect(text).not.toContain('13912345678');
    expect(text).not.toContain('李四');
  });
});

describe('field cipher (personal data at rest)', () => {
  it('round-trips, never stores the plain text, and refuses a tampered value', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'key-'));
    const keyFile = path.join(dir, 'data.key');
    const cipher = createFieldCipher({ keyFile });
    const sealed = cipher.encrypt('王五 370202199001011234');
    expect(sealed).not.toContain('王五');
    expect(cipher.decrypt(sealed)).toBe('王五 370202199001011234');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(createFieldCipher({ keyFile }).decrypt(sealed)).toBe('王五 370202199001011234');
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'B' : 'A') + '=';
    expect(() => cipher.decrypt(tampered)).toThrow();
    expect(readFileSync(keyFile, 'utf8')).toMatch(/^[0-9a-f]{64}$/);
  });
});
