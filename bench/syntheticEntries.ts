import type { KnowledgeEntry } from '../app/core/knowledge/knowledgeEntry.js';

const PLACES = ['市南区', '市北区', '李沧区', '崂山区', '西海岸新区', '城阳区', '即墨区', '胶州市', '平度市', '莱西市', '济南市', '烟台市', '潍坊市', '临沂市', '威海市'];
const GROUPS = ['企业职工', '机关事业单位人员', '灵活就业人员', '城乡居民', '退役军人', '高校毕业生', '农民工', '残疾人', '港澳台人员', '外籍人员'];

/**
 * Benchmark-only distractors: realistic-looking variants of real entries (other places, other groups of
 * people, reshuffled sentences) so the index has the seed's 3,000+ policy points. Never shipped to citizens.
 */
export function syntheticEntries(real: readonly KnowledgeEntry[], count: number): KnowledgeEntry[] {
  const out: KnowledgeEntry[] = [];
  let i = 0;
  while (out.length < count) {
    const base = real[i % real.length]!;
    const place = PLACES[i % PLACES.length]!;
    const group = GROUPS[Math.floor(i / PLACES.length) % GROUPS.length]!;
    const sentences = base.screen.split(/(?<=[。！？\n])/).filter(Boolean);
    const rotated = [...sentences.slice(i % Math.max(1, sentences.length)), ...sentences.slice(0, i % Math.max(1, sentences.length))];
    out.push({
      ...base,
      id: `synthetic-${i}`,
      title: `${place}${group}${base.title}`,
      questions: base.questions.map((q) => `${place}的${group}${q}`),
      spoken: `${place}${group}：${base.spoken}`,
      screen: `${place}${group}适用。${rotated.join('')}`,
      region: place,
      keywords: [...base.keywords, place, group],
    });
    i++;
  }
  return out;
}
