import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportsDirOf, resolveReportFile } from './reports';

describe('reportsDirOf', () => {
  it('uses <data>/reports unless settings choose a folder', () => {
    expect(reportsDirOf('/data', '')).toBe(join('/data', 'reports'));
    expect(reportsDirOf('/data', '   ')).toBe(join('/data', 'reports'));
    expect(reportsDirOf('/data', '/srv/报表')).toBe('/srv/报表');
    expect(reportsDirOf('/data', 'archive')).toBe(join('/data', 'archive'));
  });
});

describe('resolveReportFile', () => {
  it.each(['', '.', '..', '/etc/passwd', 'a/b.pdf', 'a\\b.pdf'])(
    'refuses %j before touching the disk',
    async (name) => {
      await expect(resolveReportFile('/nonexistent/reports', name)).rejects.toMatchObject({
        code: 'forbidden',
      });
    },
  );
});
