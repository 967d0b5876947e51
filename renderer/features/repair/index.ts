// The repair screens for the rest of the app: the 维修卡 screen, a device's and a person's repair
// history, and the dashboard's summary card. Repair data itself is reached through ./data.
export { RepairScreen } from './RepairScreen';
export { DeviceRepairHistory, PersonRepairHistory } from './RepairHistory';
export { RepairSummaryCard } from './RepairSummaryCard';
export { PersonRepairDrawer } from './PersonRepairDrawer';
