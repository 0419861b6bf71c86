// Plain-text replies (from models that ignore tools) cite entries inline as 【entry-id】.
// Only bracket contents shaped like entry ids count, so ordinary 【注意】 headings are left alone;
// a short label (【来源：id】) and several ids in one bracket (【id-a、id-b】) are tolerated.
const idPattern = '[a-z0-9]+(?:-[a-z0-9]+)*';
const markerPattern = new RegExp(
  `【\\s*(?:(?:条目|来源|依据|出处)(?:编号)?\\s*[:：]?\\s*)?(${idPattern}(?:\\s*[,，、;；]\\s*${idPattern})*)\\s*】`,
  'g',
);

/** The cited ids in order of first appearance, without repeats. */
export function extractCitationMarkers(text: string): string[] {
  const ids = new Set<string>();
  for (const match of text.matchAll(markerPattern)) {
    for (const id of (match[1] ?? '').split(/\s*[,，、;；]\s*/)) if (id) ids.add(id);
  }
  return [...ids];
}

/** The text with citation markers removed, ready to be shown or spoken. */
export function stripCitationMarkers(text: string): string {
  return text.replace(markerPattern, '').replace(/[ \t]+([。！？，；：,.!?;:])/g, '$1');
}
