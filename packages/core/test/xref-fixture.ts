// A small hand-written archive for the xref tests (no evaluation data).
import { Archive, createBundle, type Article } from '../src/index.js';

export const article = (id: string, date: string, title: string, paragraphs: string[]): Article => ({
  id, paper: '晋中日报', date, page: `${id}.txt`, title, titleInferred: false, subtitle: null, section: null,
  byline: null, dateline: null, kind: 'news', source: null, paragraphs, continues: null, continuationOf: null,
});

/** A sentence printed in several articles: common phrasing by document frequency. */
export const BOILERPLATE = '全市上下要以时不我待的紧迫感和舍我其谁的责任感投入到各项工作中去，确保各项目标任务圆满完成。';

export const PROJECT = '山西天星煤气化焦化技改升级项目位于灵石县经济技术开发区两渡产业园，占地面积 730余亩，项目总投资 25.8 亿元。';
export const TRAINING =
  '像这样“履职培训+跨区域集中视察”相结合的培训，2024 年，市人大常委会组织开展了 4期，分别以榆社、左权、太谷、灵石为培训地点，共计220 余名基层人大代表参与。';
export const INSPECTION = '围绕农村人居环境整治提升、文旅产业发展情况等进行视察，实地感受学习运用“千万工程”经验取得的成效，并提出意见建议。';

export function fixtureArchive(): Archive {
  const articles: Article[] = [
    article('proj', '2025-02-13', '重大项目“加速跑” 奋力冲刺“开门红”', [
      '本报讯 （记者王菲）一年之计在于春。连日来，灵石县各重点项目施工现场抢时间、赶进度，处处是热火朝天的建设场景。',
      PROJECT + '项目建成后，预计年产焦炭 150万吨，实现销售收入 42亿元。',
      BOILERPLATE,
    ]),
    article('train', '2025-02-13', '蓄力赋能向前行 履职为民谱新篇', [
      '2024 年 7 月，市人大常委会基层市人大代表履职培训暨集中视察活动（第二期）在左权县举行。期间，深入晋冀鲁豫边区临时参议会旧址、桐峪1941博物馆、麻田镇东安村等地，' + INSPECTION,
      TRAINING + '为进一步提升人大代表的履职能力，市人大常委会精心谋划，科学组织，将代表培训与集中视察结合起来。',
    ]),
    article('sec2025', '2025-02-13', '全市组织部长会议召开', [
      '本报讯 2月13日，全市组织部长会议召开。市委书记常书铭作出批示。市委常委、组织部部长李文兵出席会议并讲话。',
      '会议强调，要坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻落实全国组织部长会议精神。',
      BOILERPLATE,
    ]),
    article('mayor2021', '2021-05-20', '晋中市召开春季植树动员会', [
      '本报讯 5月20日，晋中市召开春季植树动员会。市委副书记、市长常书铭出席会议并讲话，要求各县区扎实推进国土绿化。',
    ]),
    article('yuci', '2025-02-12', '榆次区新能源项目集中开工', [
      '今年，榆次区瞄准打造“百亿千兆”新能源基地，推动一批续建项目年内并网发电、新建项目开工建设，实现新能源发电总装机容量突破1000兆瓦。',
      BOILERPLATE,
    ]),
    article('weather', '2025-02-11', '我市迎来今冬首场大范围降雪', [
      '受冷空气影响，2月10日夜间起，我市自北向南出现今冬首场大范围降雪天气，市区积雪深度达 5厘米。气象部门提醒市民注意出行安全。',
      BOILERPLATE,
    ]),
  ];
  return new Archive(createBundle(articles, { name: 'xref-fixture' }));
}
