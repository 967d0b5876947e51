// @vitest-environment jsdom
// A record's scans as links: one per stored file, named by the file; a click opens that very file
// in its own window; a file no longer in the ledger gets no link.
// Dexie's live queries need a global IndexedDB even for a ledger on a factory of its own.
import 'fake-indexeddb/auto';
import { App } from 'antd';
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../i18n';
import { ScanLinks } from './ScanLinks';
import { cleanup, renderWithLedger, stubBrowserLayout, testLedger, waitFor } from './test-support';

const opened: Blob[] = [];
beforeAll(() => {
  stubBrowserLayout();
  URL.createObjectURL = (blob: Blob) => {
    opened.push(blob);
    return `blob:scan-${opened.length}`;
  };
  URL.revokeObjectURL = () => {};
});
afterEach(async () => {
  await act(() => new Promise((r) => setTimeout(r, 50)));
  cleanup();
  opened.length = 0;
});

describe('ScanLinks', () => {
  it('lists each stored scan by name and opens the one clicked', async () => {
    const { db, repo } = await testLedger();
    const pdf = await repo.putAttachment({
      bytes: new TextEncoder().encode('%PDF-1.4 保证申请书'),
      name: '保证申请书-李娜.pdf',
      mime: 'application/pdf',
    });
    const png = await repo.putAttachment({
      bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
      name: '签到表.png',
      mime: 'image/png',
    });
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    renderWithLedger(
      db,
      <App>
        <ScanLinks shas={[pdf.sha256, 'f'.repeat(64), png.sha256]} testId="scan-view" />
      </App>,
    );
    const links = await waitFor(() => {
      const found = [...document.querySelectorAll<HTMLElement>('[data-testid="scan-view"]')];
      return found.length ? found : null;
    }, 'the scan links');
    // The hash with no stored file behind it gets no link.
    expect(links.map((l) => l.dataset.name)).toEqual(['保证申请书-李娜.pdf', '签到表.png']);
    const read = vi.spyOn(db.attachments, 'get');
    await act(async () => {
      links[1]!.click();
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(open).toHaveBeenCalledWith('blob:scan-1', '_blank', 'noopener');
    // The very file clicked (the second link's), read from the ledger on the click.
    expect(opened).toHaveLength(1);
    expect(read.mock.calls.map(([sha]) => sha)).toEqual([png.sha256]);
    open.mockRestore();
  });

  it('shows nothing for a record without scans', async () => {
    const { db } = await testLedger();
    const container = renderWithLedger(db, <ScanLinks shas={[]} testId="scan-view" />);
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(container.querySelector('[data-testid="scan-view"]')).toBeNull();
  });
});
