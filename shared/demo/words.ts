// The words both made-up ledgers are written with: the demo (shared/demo.ts, shared/demo/) and the
// bench's ten-year dataset (shared/dataset/). One list each, so a department, a device model or a
// fault phrase reads the same in the demo, the screenshots and the bench.
import type { RecordContent } from '../schemas';

/** The demo group's name, also the dataset's headquarters. */
export const DEMO_COMPANY = '鸿泰置业集团';
export const PROPERTY_COMPANY = '鸿泰物业服务有限公司';
export const SITE = '鸿泰集团官网';
export const SITE_URL = 'https://www.hongtai-group.example';

/** The departments every company of the group has (the network centre only at headquarters). */
export const DEPARTMENTS = [
  {
    name: '综合办公室',
    code: 'ZB',
    weight: 5,
    floor: '3F',
    headTitle: '主任',
    staffTitles: ['行政专员', '文员', '司机'],
  },
  {
    name: '人力资源部',
    code: 'RL',
    weight: 4,
    floor: '3F',
    headTitle: '部长',
    staffTitles: ['招聘专员', '培训主管', '薪酬专员'],
  },
  {
    name: '财务部',
    code: 'CW',
    weight: 5,
    floor: '4F',
    headTitle: '部长',
    staffTitles: ['会计', '出纳', '税务专员'],
  },
  {
    name: '工程部',
    code: 'GC',
    weight: 6,
    floor: '5F',
    headTitle: '经理',
    staffTitles: ['土建工程师', '水电工程师', '资料员'],
  },
  {
    name: '营销部',
    code: 'YX',
    weight: 7,
    floor: '1F 售楼处',
    headTitle: '经理',
    staffTitles: ['置业顾问', '策划专员', '客服专员'],
  },
  {
    name: '成本合约部',
    code: 'CB',
    weight: 4,
    floor: '4F',
    headTitle: '经理',
    staffTitles: ['预算员', '合约专员'],
  },
  {
    name: '物业公司',
    code: 'WY',
    weight: 6,
    floor: '物业服务中心',
    headTitle: '总经理',
    staffTitles: ['客服主管', '维修工', '安防主管'],
  },
  {
    name: '网络中心',
    code: 'WL',
    weight: 3,
    floor: '2F 机房旁',
    headTitle: '网络主管',
    staffTitles: ['网络技术员'],
  },
] as const;

/** Surname and given-name characters; names are one surname and one or two given characters. */
export const SURNAMES: readonly string[] = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁沈任姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
export const GIVEN: readonly string[] = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国文辉鹏晨宇浩然欣怡子涵梓轩雨萱思远佳琪志强海燕红梅晓东俊杰丹丹玉兰建华卫东春生秋菊嘉怡博文天佑若曦',
];

/** Mobile number prefixes after the leading 1. */
export const PHONE_PREFIXES = ['38', '39', '58', '86', '37', '50'] as const;
/** How a serial number starts; eight digits follow. */
export const SERIAL_PREFIXES = ['CN', 'SN', 'PF', 'MJ'] as const;

export const COMPUTERS = [
  ['联想', 'ThinkCentre M920t'],
  ['联想', 'ThinkPad E14'],
  ['戴尔', 'OptiPlex 7090'],
  ['惠普', 'ProDesk 400 G7'],
] as const;
export const PRINTERS = [
  ['惠普', 'LaserJet Pro M404dn'],
  ['兄弟', 'HL-L2350DW'],
  ['佳能', 'iR 2625 复印机'],
  ['爱普生', 'L3258 彩色喷墨'],
] as const;
export const COMPUTER_PRICES = [3899, 4299, 4999, 5600] as const;
export const PRINTER_PRICES = [1599, 2380, 8900] as const;

export const QUOTES = [
  '每一次认真对待，都是对客户最好的承诺。',
  '细节决定品质，态度决定高度。',
  '今天的努力，是明天的底气。',
  '把简单的事做好就是不简单。',
  '团结协作，共筑美好家园。',
  '用心服务，让每一位业主安心。',
  '学习是最好的投资。',
  '行动是治愈焦虑的良药。',
  '不积跬步，无以至千里。',
  '安全无小事，责任重于山。',
  '质量是企业的生命。',
  '今日事，今日毕。',
  '心中有目标，脚下有力量。',
  '微笑是最好的名片。',
  '精益求精，追求卓越。',
  '守时守信，言出必行。',
  '节约每一度电，爱护每一台设备。',
  '沟通从倾听开始。',
  '以客户为中心，以品质为根本。',
  '积极的心态是成功的起点。',
] as const;

/** The demo's six weeks of website news, in the order they are published. */
export const DEMO_NEWS: readonly (readonly [RecordContent<'websiteUpdates'>['category'], string])[] = [
  ['policy', '解读：本市住房公积金贷款政策调整'],
  ['activity', '集团员工秋季趣味运动会圆满举行'],
  ['meeting', '集团召开第三季度经营分析会'],
  ['recruitment', '诚聘：置业顾问、物业客服主管'],
  ['staff-article', '员工来稿：我在工地的一天'],
  ['policy', '商品房预售资金监管新规要点'],
  ['activity', '物业公司开展消防安全演练'],
  ['meeting', '集团召开安全生产工作会议'],
  ['staff-article', '员工来稿：做一名有温度的置业顾问'],
  ['other', '集团荣获“诚信开发企业”称号'],
];

// ── The dataset's larger group: companies, more gear, fault phrases, parts, news, trainings ──

export const COMPANIES = [
  { name: DEMO_COMPANY, short: '集团' },
  { name: PROPERTY_COMPANY, short: '物业' },
  { name: '鸿泰商业管理有限公司', short: '商管' },
  ...['南京', '苏州', '无锡', '合肥', '杭州', '宁波', '武汉', '长沙', '成都', '重庆', '西安', '郑州'].map(
    (city) => ({ name: `鸿泰（${city}）置业有限公司`, short: city }),
  ),
];

export const PERIPHERALS = [
  ['富士通', 'fi-7160', '票据扫描仪'],
  ['华视', 'CVR-100U', '身份证阅读器'],
  ['得力', 'No.14880', '条码扫描枪'],
  ['汉王', 'ESP560', '电子签名板'],
  ['戴尔', 'P2422H', '显示器'],
] as const;

export const NETWORK_GEAR = {
  server: [
    ['戴尔', 'PowerEdge R750'],
    ['华为', 'FusionServer 2288H V5'],
    ['浪潮', 'NF5270M6'],
  ],
  switch: [
    ['华三', 'S5560X-30C-EI'],
    ['华三', 'S1850V2-28P'],
    ['华为', 'S5735-L24T4S'],
  ],
  router: [
    ['华为', 'AR6120'],
    ['华三', 'MSR2600-10-X1'],
  ],
  firewall: [
    ['深信服', 'AF-1000-B1080'],
    ['华为', 'USG6510E'],
  ],
  'cctv-recorder': [
    ['海康威视', 'DS-7816N-K2'],
    ['大华', 'DH-NVR4216-HDS2'],
  ],
  'cctv-camera': [
    ['海康威视', 'DS-2CD3T46WDV3-I3'],
    ['大华', 'IPC-HFW2433M'],
  ],
  'video-conference': [
    ['华为', 'BOX600'],
    ['小鱼易连', 'ME40'],
  ],
  other: [
    ['山特', 'C6KS UPS'],
    ['TP-LINK', 'TL-AP1750C 无线 AP'],
  ],
} as const;

/** Fault descriptions by category: what people write on the paper card. */
export const FAULTS: Record<RecordContent<'repairCards'>['faultCategory'], readonly string[]> = {
  hardware: [
    '电脑开机黑屏，电源灯亮但显示器无信号',
    '电脑开机很慢，经常卡死，硬盘有异响',
    '主机频繁自动重启，机箱很烫',
    '键盘部分按键失灵，鼠标左键连击',
    '显示器花屏，屏幕有竖线',
    '笔记本电池不充电，只能插电使用',
    '电脑蓝屏，提示内存错误',
    '机箱风扇噪音很大',
  ],
  software: [
    '电脑弹窗广告很多，浏览器主页被篡改',
    'Office 打开文档提示未激活',
    '财务软件无法登录，提示数据库连接失败',
    'CAD 打开图纸时程序崩溃',
    '系统更新后部分软件无法打开',
    '杀毒软件提示发现病毒，无法清除',
  ],
  network: [
    '电脑无法上网，网线已插好',
    '无线网络经常掉线',
    '共享文件夹打不开，提示没有权限',
    'OA 系统打开很慢，网页加载不出来',
    '视频会议时画面卡顿，声音断续',
  ],
  printer: [
    '打印机卡纸，取出后仍提示纸张错误',
    '打印出来有黑条，字迹模糊',
    '打印机脱机，电脑找不到打印机',
    '复印机扫描到电脑失败',
    '打印机缺粉，需要更换硒鼓',
  ],
  account: ['OA 系统密码忘记，无法登录', '企业邮箱收不到外部邮件', '新员工需要开通 OA 和邮箱账号'],
  other: ['会议室投影仪无信号', '考勤机无法上传数据', '售楼处大屏不显示'],
};
export const FAULT_WEIGHTS: [RecordContent<'repairCards'>['faultCategory'], number][] = [
  ['hardware', 30],
  ['software', 22],
  ['network', 18],
  ['printer', 18],
  ['account', 8],
  ['other', 4],
];
export const PARTS = [
  ['512G 固态硬盘', 299],
  ['8G 内存条', 169],
  ['电源 400W', 220],
  ['硒鼓', 180],
  ['搓纸轮', 45],
  ['笔记本电池', 380],
  ['键盘鼠标套装', 89],
] as const;
export const QUOTE_OPENINGS = [
  '用心做事',
  '细节决定品质',
  '今天的努力',
  '团结协作',
  '安全无小事',
  '学习不止',
  '微笑服务',
  '守时守信',
  '精益求精',
  '行动胜于空谈',
  '心中有目标',
  '积跬步',
  '以客户为中心',
  '节约一度电',
  '责任在肩',
  '坚持到底',
  '勤于思考',
  '乐于分享',
  '敢于担当',
  '追求卓越',
];
export const QUOTE_LEADS = ['', '每天', '始终', '坚持', '我们', '让我们'];
export const QUOTE_ENDINGS = [
  '成就更好的自己',
  '方能行稳致远',
  '是明天的底气',
  '共筑美好家园',
  '让每一位业主安心',
  '汇聚前行的力量',
  '点亮平凡的岗位',
  '赢得客户的信任',
  '从今天开始',
  '让团队更有温度',
  '把简单的事做好',
  '让品质看得见',
  '守护每一份托付',
  '迎接每一个挑战',
  '书写鸿泰的故事',
  '在细微处见真章',
  '向着目标出发',
  '收获满满的成长',
  '做最好的自己',
  '与公司共同成长',
  '让工作更高效',
  '为生活添光彩',
  '不负每一天',
  '始终如一',
  '温暖身边的人',
  '让服务有温度',
  '走得更远',
  '积小胜为大胜',
  '心怀感恩',
  '行胜于言',
];
export const NEWS = [
  ['policy', '政策解读：住房公积金贷款政策调整'],
  ['activity', '员工趣味运动会圆满举行'],
  ['meeting', '集团召开季度经营分析会'],
  ['recruitment', '诚聘：置业顾问、物业客服主管'],
  ['staff-article', '员工来稿：我在工地的一天'],
  ['policy', '商品房预售资金监管新规要点'],
  ['activity', '物业公司开展消防安全演练'],
  ['meeting', '集团召开安全生产工作会议'],
  ['other', '集团荣获诚信开发企业称号'],
] as const;
export const TRAINING_TOPICS = [
  'Excel 数据透视表与常用函数',
  'Word 长文档排版',
  'PPT 汇报材料制作',
  'OA 流程审批操作',
  '电子邮件与网络安全意识',
  'WPS 协同办公',
];
