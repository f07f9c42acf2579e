/**
 * Shanxi's prefecture-level cities, their county-level divisions and their
 * dailies: the places a regional daily keeps naming. Names are full forms
 * (`平遥县`, `榆次区`) so that common words do not match (代县 ⊂ 现代县域).
 * `founded` is the year the city was set up, for `建市N周年`: only where
 * recorded with certainty (朔州市 was established in 1989).
 */
export interface City {
  name: string;
  paper: string;
  places: string[];
  founded?: number;
}

const county = (list: string) => list.split(' ');

export const SHANXI_CITIES: City[] = [
  { name: '太原', paper: '太原日报', places: county('小店区 迎泽区 杏花岭区 尖草坪区 万柏林区 晋源区 清徐县 阳曲县 娄烦县 古交市') },
  { name: '大同', paper: '大同日报', places: county('平城区 云冈区 新荣区 云州区 阳高县 天镇县 广灵县 灵丘县 浑源县 左云县') },
  { name: '朔州', paper: '朔州日报', places: county('朔城区 平鲁区 山阴县 应县 右玉县 怀仁市'), founded: 1989 },
  { name: '忻州', paper: '忻州日报', places: county('忻府区 原平市 定襄县 五台县 代县 繁峙县 宁武县 静乐县 神池县 五寨县 岢岚县 河曲县 保德县 偏关县') },
  { name: '阳泉', paper: '阳泉日报', places: county('平定县 盂县') },
  { name: '吕梁', paper: '吕梁日报', places: county('离石区 孝义市 汾阳市 文水县 交城县 兴县 临县 柳林县 石楼县 岚县 方山县 中阳县 交口县') },
  { name: '晋中', paper: '晋中日报', places: county('榆次区 太谷区 介休市 榆社县 左权县 和顺县 昔阳县 寿阳县 祁县 平遥县 灵石县') },
  { name: '长治', paper: '长治日报', places: county('潞州区 上党区 屯留区 潞城区 襄垣县 平顺县 黎城县 壶关县 长子县 武乡县 沁县 沁源县') },
  { name: '晋城', paper: '晋城日报', places: county('沁水县 阳城县 陵川县 泽州县 高平市') },
  { name: '临汾', paper: '临汾日报', places: county('尧都区 侯马市 霍州市 曲沃县 翼城县 襄汾县 洪洞县 古县 安泽县 浮山县 吉县 乡宁县 大宁县 隰县 永和县 蒲县 汾西县') },
  { name: '运城', paper: '运城日报', places: county('盐湖区 永济市 河津市 临猗县 万荣县 闻喜县 稷山县 新绛县 绛县 垣曲县 夏县 平陆县 芮城县') },
];
