import { splitSentences } from '../../../common/splitSentences.js';

/** The first `max` sentences; the robot says at most three sentences at a time. */
export function limitSentences(text: string, max: number): string {
  return splitSentences(text).slice(0, max).join('');
}

/** Text meant to be read aloud: no markdown symbols, no line structure. */
export function toSpeakableText(text: string): string {
  return text
    .trim()
    .replace(/[*#`>_~]+/g, '')
    // List markers at line starts ("- ", "1. ", "2、"), but not the "1." of "1.5万元".
    .replace(/^[ \t]*(?:[-•·][ \t]*|\d+(?:[.)][ \t]+|、))/gm, '')
    // Lines become one utterance: a line that ended without punctuation gets a pause (，).
    .replace(/([。！？!?，,；;：:])\s*\n+\s*/g, '$1')
    .replace(/\s*\n+\s*/g, '，')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}
