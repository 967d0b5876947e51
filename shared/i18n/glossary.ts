// NetDesk's glossary: the words for a repair card's fields, states and choices, once, in Chinese
// and English. The screen's dictionaries (renderer/i18n) and the printed forms (shared/pdf) both
// take their words from here, so the paper a person signs says 报修人 and 接卡时间 exactly where the
// screen does. The printed forms are Chinese (the paper is the legal record); they use `zh`.
import type { Device, RepairCard, RepairEvent } from '../schemas';

type Words<K extends string> = Readonly<Record<K, string>>;

export interface Glossary {
  repairStatus: Words<RepairCard['status']>;
  faultCategory: Words<RepairCard['faultCategory']>;
  refusalCause: Words<NonNullable<RepairCard['refusalCause']>>;
  approverRole: Words<NonNullable<RepairEvent['approverRole']>>;
  deviceType: Words<Device['type']>;
  /** Field names of a repair card, as labels on screen and on paper. */
  card: Words<
    | 'cardNo'
    | 'requester'
    | 'department'
    | 'deviceTag'
    | 'faultCategory'
    | 'description'
    | 'receivedAt'
    | 'status'
    | 'due'
    | 'diagnosis'
    | 'workDone'
    | 'result'
    | 'suggestion'
    | 'partName'
    | 'partQuantity'
    | 'partCost'
    | 'vendor'
    | 'brandModel'
  >;
  /** Who signs a repair card. */
  signer: Words<'deptHead' | 'supervisor' | 'requester'>;
}

const zh: Glossary = {
  repairStatus: {
    received: '已接卡',
    'in-repair': '维修中',
    'waiting-parts': '等配件',
    repaired: '已修好',
    'suggestion-given': '已给维修建议',
    'signed-off': '已验收',
    closed: '已关闭',
    refused: '拒修',
  },
  faultCategory: {
    hardware: '硬件故障',
    software: '软件故障',
    network: '网络故障',
    printer: '打印机故障',
    account: '账号密码',
    other: '其他',
  },
  refusalCause: {
    'illegal-software': '安装违规软件',
    games: '安装游戏',
    cheats: '使用外挂',
    'rough-use': '暴力使用',
  },
  approverRole: { 'general-manager': '总经理', chairman: '董事长' },
  deviceType: {
    computer: '电脑',
    printer: '打印机',
    peripheral: '其他外设',
    server: '服务器',
    switch: '交换机',
    router: '路由器',
    firewall: '防火墙',
    'cctv-camera': '监控摄像机',
    'cctv-recorder': '监控录像机',
    'video-conference': '视频会议设备',
    other: '其他',
  },
  card: {
    cardNo: '卡号',
    requester: '报修人',
    department: '部门',
    deviceTag: '资产编号',
    faultCategory: '故障类别',
    description: '故障描述',
    receivedAt: '接卡时间',
    status: '状态',
    due: '期限',
    diagnosis: '故障诊断',
    workDone: '维修内容',
    result: '维修结果',
    suggestion: '维修建议',
    partName: '配件名称',
    partQuantity: '数量',
    partCost: '金额（元）',
    vendor: '厂家/维修商',
    brandModel: '品牌型号',
  },
  signer: { deptHead: '部门负责人', supervisor: '网络主管', requester: '报修人' },
};

const en: Glossary = {
  repairStatus: {
    received: 'Received',
    'in-repair': 'In repair',
    'waiting-parts': 'Waiting for parts',
    repaired: 'Repaired',
    'suggestion-given': 'Suggestion given',
    'signed-off': 'Signed off',
    closed: 'Closed',
    refused: 'Refused',
  },
  faultCategory: {
    hardware: 'Hardware',
    software: 'Software',
    network: 'Network',
    printer: 'Printer',
    account: 'Account / password',
    other: 'Other',
  },
  refusalCause: {
    'illegal-software': 'Illegal software',
    games: 'Games',
    cheats: 'Cheats / plug-ins',
    'rough-use': 'Rough use',
  },
  approverRole: { 'general-manager': 'General manager', chairman: 'Chairman' },
  deviceType: {
    computer: 'Computer',
    printer: 'Printer',
    peripheral: 'Other peripheral',
    server: 'Server',
    switch: 'Switch',
    router: 'Router',
    firewall: 'Firewall',
    'cctv-camera': 'CCTV camera',
    'cctv-recorder': 'CCTV recorder',
    'video-conference': 'Video conference',
    other: 'Other',
  },
  card: {
    cardNo: 'Card no.',
    requester: 'Requester',
    department: 'Department',
    deviceTag: 'Asset tag',
    faultCategory: 'Fault category',
    description: 'Fault description',
    receivedAt: 'Received at',
    status: 'Status',
    due: 'Due',
    diagnosis: 'Diagnosis',
    workDone: 'Work done',
    result: 'Result',
    suggestion: 'Repair suggestion',
    partName: 'Part',
    partQuantity: 'Qty',
    partCost: 'Cost (CNY)',
    vendor: 'Vendor',
    brandModel: 'Brand / model',
  },
  signer: { deptHead: 'Department head', supervisor: 'Network supervisor', requester: 'Requester' },
};

export const GLOSSARY: Readonly<Record<'zh' | 'en', Glossary>> = { zh, en };
