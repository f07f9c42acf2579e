import areaData from 'china-area-data/data.json' with { type: 'json' };

/**
 * Administrative places from china-area-data (GB/T 2260 codes: provinces,
 * prefecture-level cities, counties and districts). Build time only: the
 * lexicon builder reads it; matching never does.
 */
export type PlaceLevel = 'province' | 'city' | 'county';

export interface Place {
  name: string;
  level: PlaceLevel;
  /** The place's short form (太原市 → 太原), or null where it would be one character or a common word. */
  short: string | null;
  /** The province (and city) it belongs to, full names. */
  province: string | null;
  city: string | null;
  /** A renamed place's current name (太谷县 → 太谷区): the term is named by it, the old name kept as an alias. */
  current?: string;
}

/**
 * Renamings after the china-area-data snapshot (2019) that a regional daily prints today. Only ones
 * checked to be absent from the data; each: the old full name, the new one, the year of the State Council approval.
 */
const RENAMED: readonly [from: string, to: string, year: number][] = [
  ['太谷县', '太谷区', 2019], ['平果县', '平果市', 2019], ['无为县', '无为市', 2019], ['新津县', '新津区', 2020], ['蓬莱市', '蓬莱区', 2020],
  ['龙海市', '龙海区', 2021], ['沙县', '沙县区', 2021], ['会理县', '会理市', 2021],
];
/** Districts created after the snapshot, with their city: 临平区 and 钱塘区 (杭州, 2021). No short forms: 临平 is inside 亲临平遥, 钱塘 is the river. */
const CREATED: readonly [name: string, city: string][] = [['临平区', '杭州市'], ['钱塘区', '杭州市']];

const SUFFIXES = ['维吾尔自治区', '壮族自治区', '回族自治区', '特别行政区', '自治区', '自治州', '自治县', '地区', '林区', '省', '市', '县', '区', '盟', '旗'];

/** Short forms that are ordinary words too (和顺县 → 和顺, 城区 → 城): not used alone. */
const AMBIGUOUS_SHORT = new Set(['和顺', '平定', '永和', '城区', '小店', '新城', '开发', '高新', '长安', '新华', '朝阳', '城关', '郊区', '矿区', '新区', '东区', '西区', '南区', '北区', '中区', '市中', '白云', '江南', '江北', '河东', '河西', '东城', '西城', '南山', '北山', '青山', '和平', '安定', '红旗', '前进', '胜利', '铁西', '铁东', '友谊', '宝山', '普陀', '向阳', '光明', '永定', '东山', '城中', '鼓楼', '龙华', '宁安', '大方', '平安', '安宁', '通道', '石门', '集安', '海城', '靖安', '太平', '富民', '兴安', '文山', '清河', '长寿', '大安', '仁和', '吉利', '丰收', '新兴', '大通', '永吉', '安远', '宜宾', '台江', '江海', '金平', '平山', '长丰', '华安', '东方', '中方', '全州', '乐都', '大同区', '龙门', '平和', '互助', '五四', '解放']);

function shortOf(name: string): string | null {
  for (const s of SUFFIXES) {
    if (name.endsWith(s) && name.length - s.length >= 2) {
      let short = name.slice(0, name.length - s.length);
      // 内蒙古 from 内蒙古自治区; 延边朝鲜族 → 延边
      short = short.replace(/(朝鲜族|藏族|彝族|苗族|土家族|蒙古族|哈尼族|傣族|壮族|布依族|侗族|白族|回族|羌族|黎族|瑶族|满族)+$/, '');
      if (short.length < 2 || AMBIGUOUS_SHORT.has(short)) return null;
      return short;
    }
  }
  return null;
}

let places: Map<string, Place> | undefined;

/** Every administrative place by full name. */
export function gazetteer(): Map<string, Place> {
  if (places) return places;
  places = new Map();
  const data = areaData as Record<string, Record<string, string>>;
  const provinces = data['86'] ?? {};
  for (const [pcode, pname] of Object.entries(provinces)) {
    places.set(pname, { name: pname, level: 'province', short: shortOf(pname), province: pname, city: null });
    for (const [ccode, cname] of Object.entries(data[pcode] ?? {})) {
      const isCity = !['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划'].includes(cname);
      if (isCity && !places.has(cname)) places.set(cname, { name: cname, level: 'city', short: shortOf(cname), province: pname, city: cname });
      for (const dname of Object.values(data[ccode] ?? {})) {
        if (dname === '市辖区' || places.has(dname)) continue;
        places.set(dname, { name: dname, level: 'county', short: shortOf(dname), province: pname, city: isCity ? cname : null });
      }
    }
  }
  for (const [from, to] of RENAMED) {
    const old = places.get(from);
    if (!old || places.has(to)) continue;
    // The short form (太谷) now means the current place; the old full name resolves to it too.
    places.set(to, { ...old, name: to });
    places.set(from, { ...old, short: null, current: to });
  }
  for (const [name, city] of CREATED) {
    const c = places.get(city);
    if (c && !places.has(name)) places.set(name, { name, level: 'county', short: null, province: c.province, city });
  }
  return places;
}

let districtsCache: Set<string> | undefined;

/**
 * Does `city` (full name) have a district or county named `name`? The full-name map keeps one place per name, so a
 * district name many cities share (城区, 矿区, 郊区) is looked up here: 阳泉矿区 is 阳泉市's 矿区.
 */
export function hasDistrict(city: string, name: string): boolean {
  if (!districtsCache) {
    districtsCache = new Set();
    const data = areaData as Record<string, Record<string, string>>;
    for (const pcode of Object.keys(data['86'] ?? {})) {
      for (const [ccode, cname] of Object.entries(data[pcode] ?? {})) for (const dname of Object.values(data[ccode] ?? {})) districtsCache.add(`${cname}|${dname}`);
    }
  }
  return districtsCache.has(`${city}|${name}`);
}

/** Short form → the places it may mean (several counties share a short form across provinces). */
let byShortCache: Map<string, Place[]> | undefined;

export function placesByShort(): Map<string, Place[]> {
  if (byShortCache) return byShortCache;
  const map = (byShortCache = new Map<string, Place[]>());
  for (const p of gazetteer().values()) {
    if (!p.short) continue;
    const list = map.get(p.short) ?? [];
    list.push(p);
    map.set(p.short, list);
  }
  return map;
}

/** The city a paper serves, from its name: 晋中日报 → 晋中市, 山西日报 → 山西省 (a province paper). */
const paperCache = new Map<string, Place | null>();

export function paperPlace(paper: string | null | undefined): Place | null {
  if (!paper) return null;
  if (!paperCache.has(paper)) paperCache.set(paper, findPaperPlace(paper));
  return paperCache.get(paper)!;
}

function findPaperPlace(paper: string): Place | null {
  const stem = paper.replace(/[《》]/g, '').replace(/(日报|晚报|都市报|报)$/, '');
  const g = gazetteer();
  const direct = g.get(stem) ?? g.get(`${stem}市`) ?? g.get(`${stem}省`);
  if (direct) return direct;
  const byShort = placesByShort().get(stem)?.filter((p) => p.level !== 'county') ?? [];
  return byShort.length === 1 ? byShort[0]! : null;
}
