/**
 * Word lists for people and their titles (national, foreign and local offices; where a printed title stops; the
 * characters of transliterated foreign names). Rules built on them are shapes, not lists of names.
 */

/** Offices printed right before a name beyond the local ones in words.ts: national, foreign, international. */
export const OFFICE_TITLES = [
  '总书记', '总理', '副总理', '总统', '副总统', '代总统', '前总统', '委员长', '副委员长', '首相', '国王', '女王', '王储', '王妃', '苏丹', '埃米尔',
  '外长', '副外长', '外交部长', '国防部长', '防长', '大使', '临时代办', '议长', '副议长', '参议长', '众议长', '总司令', '司令', '总参谋长', '参谋长',
  '秘书长', '副秘书长', '发言人', '新闻秘书', '助理', '特使', '特别代表', '首席执行官', '执行秘书', '行政总裁', '总干事', '副总干事', '主席', '总督',
  '国务卿', '理事长', '首席部长', '外相', '顾问', '部长', '副部长', '检察长', '副检察长', '院长', '局长', '主任', '代表', '市长', '州长', '省长', '总长', '大臣',
];

/**
 * Words after a name that begin with a one-character verb (作了发言, 致慰问电, 应邀作报告): beside the followers in
 * words.ts, they end a two-character name, and a three-character reading that would cut one (樊杰作, 艾伦致) is not taken.
 */
export const SPLIT_FOLLOWERS = ['互致', '作了', '作的', '作出', '作重要', '作报告', '作说明', '作发言', '作批示', '作工作', '作主题', '作题为', '作交流', '作专题', '作辅导', '致电', '致信', '致函', '致贺', '致慰问', '致以', '致开幕', '应邀', '应约', '应询'];

/** Titles after a name that say it is a person but are not offices (王小明同志, 张先生): evidence, never a role. */
export const NOT_ROLES = new Set(['同志', '先生', '女士', '老人', '师傅']);

/**
 * Words that are never part of an office: a printed title is cut after the last of them (李强会见越共中央总书记 →
 * 越共中央总书记; 敬献花篮仪式由中共中央政治局委员 → 中共中央政治局委员).
 */
export const ROLE_BREAKS = [
  '会见', '会谈', '会晤', '欢迎', '出席', '参加', '主持', '发表', '杂志', '致电', '致信', '复信', '致辞', '看望', '慰问', '陪同', '邀请', '祝贺', '接受',
  '举行', '通电话', '表示', '指出', '强调', '宣布', '听取', '考察', '调研', '视察', '参观', '走访', '来到', '前往', '抵达', '率领', '带领', '签署',
  '颁发', '授予', '同意', '任命', '提名', '当选', '担任', '出任', '就任', '连任', '称', '说', '时间', '上午', '下午', '晚上', '凌晨', '当天', '今天',
  '昨天', '日前', '近日', '消息', '报道', '据', '由', '在', '是', '即', '并', '向', '时', '后', '前往', '分别', '共同', '以及', '等', '和', '与', '同', '应',
  '受', '作为', '将', '今晚', '明天', '本周', '支持', '我们', '包括', '援引', '涉及',
  // Verbs of meeting or greeting a person (我们来认识…董事长武钢, 拜会…总统).
  '认识', '接见', '拜会', '拜访', '宴请', '约见', '采访', '专访', '转达', '问候', '感谢', '交给', '送别', '迎接',
];

/** Break characters that are also the first character of words inside titles (应急管理部, 共同主席, 和平, 与农村): not a break there. */
export const BREAK_EXCEPT = ['应急', '将军', '受理', '同志', '和平', '和国', '与农村', '和国家', '和城乡', '和信息化', '和社会', '和旅游', '和改革', '和技术', '和法律', '和地方', '和外事', '与发展', '和财政'];

/** Characters of transliterated foreign names (普京, 拉马福萨, 恩达伊施米耶); · joins their parts. */
export const TRANSLIT = new Set(
  ('阿埃艾爱安昂奥巴拜班邦包保鲍贝本比彼毕庇波伯博布采查察达戴丹道得德登迪蒂帝蒂丁东杜敦顿多厄恩尔法范凡菲费芬丰冯佛弗福伏盖甘冈高戈哥格根贡古瓜圭哈海汉豪赫黑亨洪胡呼华霍基吉加贾杰捷金卡凯坎康考柯科克肯孔库奎昆拉腊莱赖兰朗劳勒雷蕾里理丽利莉历连林琳留柳隆卢鲁陆路伦罗洛吕马玛迈麦曼芒梅门蒙孟米密敏明缪摩莫默姆穆拿纳娜奈南内妮尼宁纽努诺欧帕潘庞佩彭皮珀蒲普齐奇契恰乔切钦琼丘屈热瑞若撒萨塞赛桑瑟森沙莎珊山善尚绍舍申什施史舒斯松宋苏索塔泰坦汤唐特提廷通图托瓦万旺威韦维温文沃乌伍武西希锡席夏谢辛欣休许雅亚延扬耶伊因英尤于约泽扎詹兹佐哲夫娅娃额茨琪芙琴卓璐迦思').split(''),
);

/** Parts of states' names the country list holds only whole, which look like transliterated names. */
export const STATE_NAMES_NOT_PEOPLE = ['普林西比', '多巴哥', '圣多美'];

/** The hundred most common surnames: a two-character name read from a list alone (李聪, 王强) must start with one. */
export const COMMON_SURNAMES = new Set('王李张刘陈杨黄赵吴周徐孙朱胡郭何罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范廖贾夏韦付邹孟熊秦邱尹薛闫段雷侯龙史陶黎顾毛郝龚邵钱严覃武戴莫孔汤'.split(''));
