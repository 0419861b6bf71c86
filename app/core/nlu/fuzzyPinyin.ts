/**
 * Folds the pinyin distinctions that speakers and recognizers blur most (the "模糊音" of Chinese input
 * methods): zh/z, ch/c, sh/s, n/l, and front/back nasals an/ang, en/eng, in/ing. Qingdao speakers merge several
 * of these, and the small recognizer confuses them, so retrieval matches on the folded form.
 */
export function foldPinyinSyllable(syllable: string): string {
  return syllable
    .replace(/^zh/, 'z')
    .replace(/^ch/, 'c')
    .replace(/^sh/, 's')
    .replace(/^l/, 'n')
    .replace(/ng$/, 'n');
}
