import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from '../../../app/core/config/loadConfig.js';

describe('configuration', () => {
  it('defaults to the built-in simulators and a local SQLite file', () => {
    const config = parseConfig({});
    expect(config.backend.mode).toBe('simulator');
    expect(config.llm.mode).toBe('off');
    expect(config.database.file).toMatch(/\.sqlite$/);
  });

  it('stops on a bad value with a message naming the key and what is allowed', () => {
    expect(() => parseConfig({ web: { port: 70_000 } })).toThrow(/web\.port/);
    try {
      parseConfig({ llm: { mode: 'gpt' } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).message).toMatch(/llm\.mode/);
      expect((error as ConfigError).message).toMatch(/off.*openai/);
    }
  });

  it('rejects unknown keys (a typo must not silently fall back to a default)', () => {
    expect(() => parseConfig({ sesion: {} })).toThrow(/sesion/);
  });

  it('requires a base URL and model when an LLM is configured', () => {
    expect(() => parseConfig({ llm: { mode: 'openai' } })).toThrow(/llm\.baseUrl/);
  });

  it('reads a JSON file and reports a broken one plainly', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cfg-'));
    const good = path.join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ hall: { name: '测试大厅', robotName: '小测' } }));
    expect(loadConfig({ file: good }).config.hall.robotName).toBe('小测');
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{ not json');
    expect(() => loadConfig({ file: bad })).toThrow(/JSON/);
    expect(() => loadConfig({ file: path.join(dir, 'missing.json') })).toThrow(/找不到配置文件/);
  });
});
