// The scored window of an xwlb story for the places gold sets (see draw-xwlb-places.mjs).
const LEAD = /^央视网消息（新闻联播）[：:]?/;
export function windowOf(body) {
  const lead = LEAD.exec(body);
  const start = lead ? lead[0].length : 0;
  const re = /[。！？\n]/g;
  re.lastIndex = Math.max(start, 250 - 1);
  const m = re.exec(body);
  return [start, m ? m.index + 1 : body.length];
}
