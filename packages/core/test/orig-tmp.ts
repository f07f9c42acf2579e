import { crossReference } from '../src/index.js';
import { loadDefaultArchive } from '../dist/default-archive.js';
const a = await loadDefaultArchive();
const drafts = [
  '近年来，晋中市持续推进农村人居环境整治提升，学习运用“千万工程”经验，各县区因地制宜打造了一批宜居宜业和美乡村。在太谷区，村民们自发组建志愿服务队，定期清理房前屋后的杂物；在左权县，文旅产业发展带动了农民增收。',
  '今年，太原市人大常委会将继续加强代表培训工作，计划组织基层代表赴外地考察学习，进一步提升代表依法履职能力。市人大代表段尚春表示，参加培训让自己对履职有了更深的理解。',
  '晋中市把发展新质生产力作为推动高质量发展的重要着力点，一季度全市重点项目开复工率明显提高，企业用工、用电需求持续增长。市委书记常书铭多次深入企业调研，帮助解决实际困难。',
  '太原晋中一体化发展对接座谈会召开后，两市在交通、产业、生态等领域的合作不断深化。太原市委书记韦韬表示，要以更大力度推动太原晋中一体化发展取得新突破。晋中市委书记常书铭表示，晋中将主动融入省会都市圈建设。',
  '2月13日，全市组织部长会议召开，会议总结了2024年全市组织工作，安排部署了2025年重点任务。与会同志表示，要坚持以习近平新时代中国特色社会主义思想为指导，全面提高组织工作质量。',
];
for (const d of drafts) {
  const r = crossReference(a as any, d);
  console.log(r.reused.map((x) => `REUSE ${x.similarity} ${x.text}`).join('\n'), r.conflicts.map((c) => `CONFLICT ${c.text} → ${c.expected}: ${c.message}`).join('\n'), '| related:', r.related.slice(0, 3).map((x) => x.title).join(' / '));
}
