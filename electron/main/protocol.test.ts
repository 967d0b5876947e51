import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, resolveAppAssetPath, serveAppRequest } from './protocol';

let root: string;
let outside: string;
beforeAll(async () => {
  outside = await mkdtemp(join(tmpdir(), 'netdesk-protocol-'));
  root = join(outside, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>NetDesk</title>');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'index-Ds9i5ajX.js'), 'console.log(2)');
  await writeFile(join(outside, 'secret.txt'), 'password');
});
afterAll(() => rm(outside, { recursive: true, force: true }));

describe('resolveAppAssetPath', () => {
  it('maps app://netdesk paths to files under the UI folder', () => {
    expect(resolveAppAssetPath(root, 'app://netdesk/assets/index-abc.js')).toEqual({
      ok: true,
      path: join(root, 'assets', 'index-abc.js'),
    });
    expect(resolveAppAssetPath(root, 'app://netdesk/')).toEqual({ ok: true, path: join(root, 'index.html') });
    expect(resolveAppAssetPath(root, 'app://netdesk/assets/%E5%9B%BE.png')).toEqual({
      ok: true,
      path: join(root, 'assets', '图.png'),
    });
  });

  it.each([
    'app://netdesk/..%2f..%2fsecret.txt',
    'app://netdesk/%2e%2e%2fsecret.txt',
    'app://netdesk/assets%2f..%2f..%2fsecret.txt',
    'app://netdesk/..%5csecret.txt',
    'app://netdesk/..%5Csecret.txt',
    'app://netdesk/assets\\..\\..\\secret.txt',
    'app://netdesk/%252e%252e%252fsecret.txt',
    'app://netdesk/index.html%00.js',
    'app://netdesk/C:/Windows/win.ini',
    'app://netdesk/%2fetc%2fpasswd',
    'app://other/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    expect(resolveAppAssetPath(root, url)).toEqual({ ok: false, status: 403 });
  });

  it.each([
    ['app://netdesk/../../etc/passwd', ['etc', 'passwd']],
    ['app://netdesk/%2e%2e/%2e%2e/secret.txt', ['secret.txt']],
    ['app://netdesk/.%2e/assets/../index.html', ['index.html']],
  ])('keeps %s inside the UI folder (URL parsing removes the dot segments)', (url, inside) => {
    expect(resolveAppAssetPath(root, url)).toEqual({ ok: true, path: join(root, ...inside) });
  });

  it('refuses undecodable escapes', () => {
    expect(resolveAppAssetPath(root, 'app://netdesk/%E5%9B')).toEqual({ ok: false, status: 400 });
  });
});

describe('serveAppRequest', () => {
  const get = (url: string, method = 'GET') => serveAppRequest(root, { url, method });

  it('serves the UI with the strict CSP header', async () => {
    const res = await get('app://netdesk/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>NetDesk</title>');
  });

  it('serves scripts as JavaScript', async () => {
    const res = await get('app://netdesk/assets/index-abc.js');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('lets a content-hashed script be kept across starts, but never the page', async () => {
    const hashed = await get('app://netdesk/assets/index-Ds9i5ajX.js');
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await get('app://netdesk/assets/index-abc.js')).headers.get('cache-control')).toBe('no-cache');
    expect((await get('app://netdesk/index.html')).headers.get('cache-control')).toBe('no-cache');
  });

  it('never serves a file outside the UI folder', async () => {
    for (const url of [
      'app://netdesk/..%2fsecret.txt',
      'app://netdesk/../secret.txt',
      'app://netdesk/%2e%2e/secret.txt',
    ]) {
      const res = await get(url);
      expect(await res.text()).not.toContain('password');
      expect(res.status).not.toBe(200);
    }
  });

  it('answers a missing file with 404 and a screen address with the UI', async () => {
    expect((await get('app://netdesk/assets/missing.js')).status).toBe(404);
    const screen = await get('app://netdesk/cards/WX-2026-A-0001');
    expect(screen.status).toBe(200);
    expect(await screen.text()).toContain('NetDesk');
  });

  it('refuses anything but reading', async () => {
    expect((await get('app://netdesk/index.html', 'POST')).status).toBe(405);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('allows only the app’s own scripts and no plugins, frames or form posts', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d): [string, string] => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(Object.fromEntries(directives)).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'frame-ancestors': "'none'",
      'form-action': "'none'",
      'connect-src': "'self'",
    });
    expect(directives.get('script-src')).not.toMatch(/unsafe/);
  });
});
