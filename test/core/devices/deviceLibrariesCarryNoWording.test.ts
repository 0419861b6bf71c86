import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../app/core/config/repoRoot.js';

// DESIGN.md: nothing below app/core carries citizen wording. The device libraries report kinds and reasons;
// what a citizen (or staff) is told is worded in app/core. This scans the libraries' source for Chinese in string
// literals and template literals (comments do not count) so a new citizen sentence there fails here.

const SCANNED = ['robot', 'printer', 'speech', 'vision', 'idcard'];
const SOURCE = /\.(?:[cm]?ts|[cm]?js)$/;

/** Folders whose Chinese is not said to a citizen by the kiosk, each with why. */
const EXCLUDED_FOLDERS: readonly { pattern: RegExp; reason: string }[] = [
  { pattern: /^[^/]+\/diagnostics\//, reason: 'self-test results and remedies for technicians, not citizens' },
  { pattern: /^[^/]+\/simulator\//, reason: 'the simulated far side of a device (what the virtual printer renders), not the kiosk talking' },
  { pattern: /^printer\/certificate\//, reason: 'the printed 参保证明 itself: its title, field labels and the verification text on paper' },
];

/** Files allowed some Chinese, each with what is allowed and why; anything else in them still fails. */
const ALLOWED: readonly { file: string; allows: (text: string) => boolean; reason: string }[] = [
  {
    file: 'speech/kws/kioskKeywords.ts',
    allows: (text) => /^\p{Script=Han}{1,8}$/u.test(text),
    reason: 'the default keyword phrases a citizen says (你好小青, 停, 返回, 找工作人员): configuration the spotter listens for, not wording it says',
  },
  {
    file: 'idcard/idCardText.ts',
    allows: (text) => text === '长期',
    reason: 'the value a card chip stores in its expiry field for a card that never expires: matched when parsing, never said',
  },
  {
    file: 'speech/tts/readNumbersInChinese.ts',
    allows: (text) => /^(?:\$\d|[零一二三四五六七八九十百千万亿两点分年月日第至之])+$/u.test(text),
    reason: 'number words the synthesizer reads digits as (language processing), nothing else',
  },
];

const CHINESE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

interface ChineseLiteral {
  line: number;
  text: string;
}

/** Every string or template literal piece with Chinese in it; comments and identifiers are not literals. */
function chineseLiterals(fileName: string, source: string): ChineseLiteral[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: ChineseLiteral[] = [];
  const report = (node: ts.Node, text: string) => {
    if (CHINESE.test(text)) found.push({ line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1, text });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) report(node, node.text);
    else if (ts.isTemplateExpression(node)) {
      report(node.head, node.head.text);
      for (const span of node.templateSpans) report(span.literal, span.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(repoRoot, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.relative(repoRoot, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

describe('the scanner', () => {
  it('finds Chinese in string, no-substitution template and template literal pieces, and nowhere else', () => {
    const source = [
      '// 注释里的中文不算',
      '/** 文档注释也不算 */',
      "const a = 'plain ascii';",
      "const b = '打印机缺纸，请稍候。';",
      'const c = `仓盖打开了`;',
      'const d = (n: number) => `still ${n} ascii ${n}，请稍候`;',
      'const e = { 键: 1 }; // a Chinese property name is an identifier, not wording',
      'const f = /缺纸/u; // a regular expression matches input, it says nothing',
    ].join('\n');
    expect(chineseLiterals('sample.ts', source)).toEqual([
      { line: 4, text: '打印机缺纸，请稍候。' },
      { line: 5, text: '仓盖打开了' },
      { line: 6, text: '，请稍候' },
    ]);
    expect(chineseLiterals('sample.ts', "const fullStopOnly = '。';")).toEqual([{ line: 1, text: '。' }]);
  });

  it('would have caught the wording the printer, speech and vision libraries used to carry', () => {
    const before = [
      "export const pauseMessages = { 'paper-out': { paused: '打印机缺纸，已通知工作人员装纸，装好后会接着打印，请稍候。' } };",
      "export const MICROPHONE_FAULT_MESSAGE = '麦克风没有声音，请用触摸屏操作或找工作人员。';",
      "export const QUALITY_GUIDANCE: Record<QualityFailure, string> = { 'no-face': '请站到屏幕前，看着屏幕', blurred: '请保持不动' };",
    ].join('\n');
    expect(chineseLiterals('old.ts', before).map((l) => l.line)).toEqual([1, 2, 3, 3]);
  });

  it('allows in the listed files only what each is listed for', () => {
    const allows = (file: string, text: string) => ALLOWED.find((a) => a.file === file)!.allows(text);
    expect(allows('speech/kws/kioskKeywords.ts', '你好小青')).toBe(true);
    expect(allows('speech/kws/kioskKeywords.ts', '请说你好小青。')).toBe(false);
    expect(allows('speech/tts/readNumbersInChinese.ts', '$1至')).toBe(true);
    expect(allows('speech/tts/readNumbersInChinese.ts', '百分之')).toBe(true);
    expect(allows('speech/tts/readNumbersInChinese.ts', '打印机缺纸')).toBe(false);
    expect(allows('idcard/idCardText.ts', '长期')).toBe(true);
    expect(allows('idcard/idCardText.ts', '请放好身份证')).toBe(false);
  });
});

describe('device libraries carry no citizen wording', () => {
  const files = SCANNED.flatMap(sourceFiles);

  it('finds the libraries\' sources to scan', () => {
    for (const folder of SCANNED) expect(files.some((f) => f.startsWith(`${folder}/`)), folder).toBe(true);
    expect(files).toContain('printer/printerEvents.ts');
    expect(files).toContain('speech/audio/audioSource.ts');
    expect(files).toContain('vision/quality/qualityGates.ts');
    expect(files).toContain('vision/verify/faceVerificationSession.ts');
    expect(files).toContain('idcard/idCardReader.ts');
  });

  it('has Chinese in string literals only where listed', () => {
    const offending: string[] = [];
    for (const file of files) {
      if (EXCLUDED_FOLDERS.some(({ pattern }) => pattern.test(file))) continue;
      const allowed = ALLOWED.find((a) => a.file === file);
      for (const literal of chineseLiterals(file, readFileSync(path.join(repoRoot, file), 'utf8'))) {
        if (!allowed?.allows(literal.text)) offending.push(`${file}:${literal.line}: ${JSON.stringify(literal.text)}`);
      }
    }
    // Word it in app/core (app/core/session/robotLines.ts, app/core/devices/printerWording.ts,
    // app/core/services/pensionAuth/faceAuthLines.ts) keyed by the
    // library's kind or reason; list it above with a reason only if no citizen or staff member is told it.
    expect(offending).toEqual([]);
  });

  it('keeps its exceptions honest: each listed file exists and still has Chinese it is allowed', () => {
    for (const { file } of ALLOWED) {
      expect(existsSync(path.join(repoRoot, file)), file).toBe(true);
      expect(chineseLiterals(file, readFileSync(path.join(repoRoot, file), 'utf8')).length, file).toBeGreaterThan(0);
    }
    for (const { pattern } of EXCLUDED_FOLDERS) expect(files.some((f) => pattern.test(f)), String(pattern)).toBe(true);
  });
});
