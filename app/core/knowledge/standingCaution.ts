import type { KnowledgeEntry } from './knowledgeEntry.js';

/**
 * What the kiosk must say when an entry is not confirmed Qingdao policy, so that another province's
 * rule or an old rule is never presented as what applies here.
 */
export function standingCaution(entry: KnowledgeEntry): string | undefined {
  switch (entry.standing) {
    case 'qingdao':
    case 'national':
      return undefined;
    case 'other-province':
      return `这条信息来自${entry.region}的公开资料，青岛的具体规定可能不同，办理前请向窗口工作人员核实。`;
    case 'outdated':
      return `这条信息依据的是${entry.asOf.slice(0, 4)}年的旧规定，现在可能已经调整，请以现行政策和窗口答复为准。`;
    case 'unverified':
      return '这条信息整理自非官方资料，仅供参考，请以青岛人社部门的正式答复为准。';
  }
}
