import { describe, expect, it } from 'vitest';
import { extractCitationMarkers, stripCitationMarkers } from '../../../app/core/llm/citationMarkers.js';
import { limitSentences, toSpeakableText } from '../../../app/core/llm/spokenSentences.js';

describe('spoken sentences', () => {
  it('keeps the first three sentences', () => {
    expect(limitSentences('一。二。三。四。', 3)).toBe('一。二。三。');
  });

  it('turns markdown and lines into one speakable utterance', () => {
    expect(toSpeakableText('**办理方式**\n1. 手机刷脸\n- 到大厅办理。\n金额1.5万元')).toBe('办理方式，手机刷脸，到大厅办理。金额1.5万元');
  });
});

describe('citation markers', () => {
  it('finds id-shaped markers, with labels or several ids, and ignores ordinary 【】 headings', () => {
    const text = '【注意】每年认证【pension-auth】。失业金【来源：unemp-a、unemp-b】【pension-auth】';
    expect(extractCitationMarkers(text)).toEqual(['pension-auth', 'unemp-a', 'unemp-b']);
    expect(stripCitationMarkers(text)).toBe('【注意】每年认证。失业金');
  });
});
