// The WebDAV address rule: https anywhere, plain http only to this PC or a LAN address (with a
// warning), never a password or user inside the address.
import { describe, expect, it } from 'vitest';
import { checkWebDavAddress, isLocalHost } from './webdav-address';

describe('WebDAV address', () => {
  it('takes https anywhere and ends the folder with a slash', () => {
    expect(checkWebDavAddress('https://nas.example.cn:5006/netdesk')).toEqual({
      ok: true,
      url: 'https://nas.example.cn:5006/netdesk/',
    });
  });

  it('takes plain http only inside the LAN, with a warning', () => {
    for (const a of [
      'http://192.168.1.20:5005/netdesk/',
      'http://10.0.0.5/dav/',
      'http://127.0.0.1:8080/',
      'http://[::1]/x/',
      'http://172.20.1.1/',
    ])
      expect(checkWebDavAddress(a)).toMatchObject({ ok: true, warning: 'plain-http-lan' });
    for (const a of [
      'http://dav.example.com/netdesk/',
      'http://8.8.8.8/',
      'http://172.32.0.1/',
      'http://nas/',
    ])
      expect(checkWebDavAddress(a)).toEqual({ ok: false, problem: 'plain-http-public' });
  });

  it('refuses a password or user in the address, other schemes, and junk', () => {
    expect(checkWebDavAddress('https://u:p@nas.example.cn/')).toEqual({
      ok: false,
      problem: 'credentials-in-url',
    });
    expect(checkWebDavAddress('ftp://nas/')).toEqual({ ok: false, problem: 'scheme' });
    expect(checkWebDavAddress('file:///etc/')).toEqual({ ok: false, problem: 'scheme' });
    expect(checkWebDavAddress('nas 地址')).toEqual({ ok: false, problem: 'not-url' });
    expect(checkWebDavAddress('https://nas/dav/?x=1')).toEqual({ ok: false, problem: 'query' });
  });

  it('knows private addresses from public ones', () => {
    expect(isLocalHost('192.168.0.1')).toBe(true);
    expect(isLocalHost('169.254.3.4')).toBe(true);
    expect(isLocalHost('fd12:3456::1')).toBe(true);
    expect(isLocalHost('192.169.0.1')).toBe(false);
    expect(isLocalHost('localhost')).toBe(true);
    expect(isLocalHost('example.com')).toBe(false);
  });
});
