// The words for device types as NetDesk prints them on paper (the repair card, the asset label,
// the 工作申请单). Chinese whatever the UI language: the forms are the company's Chinese forms. The
// screens' words come from i18n instead.
import type { Device } from '../schemas';

export const DEVICE_TYPE_WORDS: Record<Device['type'], string> = {
  computer: '电脑',
  printer: '打印机',
  peripheral: '外围设备',
  server: '服务器',
  switch: '交换机',
  router: '路由器',
  firewall: '防火墙',
  'cctv-camera': '监控摄像机',
  'cctv-recorder': '监控录像机',
  'video-conference': '视频会议设备',
  other: '其他设备',
};
