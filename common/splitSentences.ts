// A sentence ends at 。！？!? (a run of them counts once), together with any closing quote or bracket, or at a line
// break. ASCII '.' is not a terminator: it appears inside amounts such as 1.5万元. A semicolon joins the clauses of
// one sentence.
const sentencePattern = /[^。！？!?\n]+(?:[。！？!?]+["'”’」』）)]*)?/gu;

/** Splits Chinese text into its sentences, trimmed, dropping empty ones. */
export function splitSentences(text: string): string[] {
  return (text.match(sentencePattern) ?? []).map((sentence) => sentence.trim()).filter((sentence) => sentence !== '');
}
