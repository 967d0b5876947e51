// The XLSX import worker: checks a workbook against the import limits and parses it, off
// the window's thread (read-xlsx-offthread.ts says why and how the window talks to it).
import { readWorkbook, type XlsxWorkerReply } from './read-xlsx-offthread';

const port = self as unknown as {
  onmessage: ((event: MessageEvent<Uint8Array>) => void) | null;
  postMessage(reply: XlsxWorkerReply): void;
};

let lastShown = -1;
port.onmessage = (event) => {
  void readWorkbook(event.data, (done, total) => {
    // About a hundred progress reports a file, not one per piece.
    const percent = Math.floor((done / total) * 100);
    if (percent === lastShown) return;
    lastShown = percent;
    port.postMessage({ type: 'progress', done, total });
  }).then((read) => port.postMessage({ type: 'read', read }));
};
