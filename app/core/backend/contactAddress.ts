/**
 * A postal address as the hall records it (联系地址): optionally the district, then the road or street, then the
 * house number and what follows it (楼, 单元, 室): "市南区香港中路10号3单元201". The kiosk reads it with this shape and
 * the business system checks it again with the same one, so they cannot disagree.
 */

/** The districts and county-level cities of Qingdao, as an address starts with them. */
export const QINGDAO_DISTRICTS = ['市南区', '市北区', '李沧区', '崂山区', '黄岛区', '西海岸新区', '城阳区', '即墨区', '胶州市', '平度市', '莱西市'] as const;

/** What a road or street name ends with (香港中路, 中山路, 台东一路, 八大峡街道, 大学路, 小港湾巷). */
const ROAD_END = '(?:大街|大道|街道|胡同|路|街|道|巷)';
/** A road name: Han characters and digits, ending as a road does. */
const ROAD = `[\\u4e00-\\u9fff\\d]{1,14}?${ROAD_END}`;
/** After the house number: 号楼 / 栋 / 单元 / 层 / 室 / 户 parts, or a bare room number ("3单元201", "2号楼1单元502室", "10-201"). */
const AFTER_NUMBER = '(?:(?:\\d{1,4}(?:号楼|栋|幢|座|单元|层|楼|室|户)|[-—]\\d{1,4}|\\d{1,4}(?![\\d号])))*';

/** A whole address: [district] road number号 [the rest]. */
export const ADDRESS_SHAPE = new RegExp(`^(?:青岛市)?(?:${QINGDAO_DISTRICTS.join('|')})?${ROAD}\\d{1,5}号${AFTER_NUMBER}$`);
const ROAD_ONLY = new RegExp(`${ROAD}`);

export type AddressProblem = 'no-road' | 'no-number';

/** Null when the address has the shape; else what is missing (a road or street, or the house number). */
export function addressProblem(address: string): AddressProblem | null {
  if (ADDRESS_SHAPE.test(address)) return null;
  return ROAD_ONLY.test(address) ? 'no-number' : 'no-road';
}

/**
 * "市南区香港中路10号3单元201" → "市南区香港中路****": the district and road kept (enough to recognise it), the house
 * number and everything after it masked, as the hall masks addresses on receipts and screens.
 */
export function maskAddress(address: string): string {
  const number = /\d{1,5}号/.exec(address);
  const kept = number ? address.slice(0, number.index) : address.slice(0, Math.min(address.length, 6));
  return `${kept}****`;
}
