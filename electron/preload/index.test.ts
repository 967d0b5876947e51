import { describe, expect, it, vi } from 'vitest';
import { apiChannels } from '../../shared/ipc';

const exposed = new Map<string, Record<string, unknown>>();
const invoke = vi.fn((channel: string, arg: unknown) =>
  Promise.resolve({ ok: true, value: { channel, arg } }),
);

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api) },
  ipcRenderer: { invoke, send: vi.fn(), on: vi.fn() },
}));

await import('./index');

describe('the preload', () => {
  it('exposes exactly the NetDesk API methods and the host kind, nothing else', () => {
    expect([...exposed.keys()].sort()).toEqual(['netdesk', 'netdeskHost']);
    expect(Object.keys(exposed.get('netdesk')!).sort()).toEqual(Object.keys(apiChannels).sort());
    expect(exposed.get('netdeskHost')).toEqual({ mode: 'electron' });
  });

  it('never hands the page ipcRenderer or anything that can send on any channel', () => {
    const values = Object.values(exposed.get('netdesk')!);
    expect(values.every((v) => typeof v === 'function')).toBe(true);
    expect(JSON.stringify(Object.keys(exposed.get('netdesk')!))).not.toMatch(/invoke|send|ipc/i);
  });

  it.each(Object.entries(apiChannels))(
    '%s calls channel %s and answers with the IpcResult',
    async (method, channel) => {
      invoke.mockClear();
      const fn = exposed.get('netdesk')![method] as (arg?: unknown) => Promise<unknown>;
      const arg = method === 'appInfo' || method === 'readSettings' ? undefined : { probe: method };
      const result = await fn(arg);
      expect(invoke).toHaveBeenCalledExactlyOnceWith(channel, arg ?? {});
      expect(result).toEqual({ ok: true, value: { channel, arg: arg ?? {} } });
    },
  );
});
