// A sync failure in the user's language. The sync service reports its problems in English, for the
// log (a Node error such as "EACCES: permission denied, open '\\\\fs01\\netdesk\\…'", a damaged
// file's reason). Known problems become a sentence in the UI language; anything else keeps its
// detail, shown under a translated headline, so nothing the supervisor may need is hidden.
import i18next, { type TFunction } from 'i18next';

/** Problems recognised in a detail, each with its sentence under sync.errors. */
const KNOWN: readonly { pattern: RegExp; key: string }[] = [
  { pattern: /\bENOENT\b|no such file or directory/i, key: 'not-found' },
  { pattern: /\bE(?:ACCES|PERM)\b|permission denied|operation not permitted/i, key: 'denied' },
  { pattern: /\bENOSPC\b|no space left/i, key: 'full' },
  { pattern: /\bEROFS\b|read-only file system/i, key: 'read-only' },
  { pattern: /\bE(?:BUSY|MFILE)\b|resource busy|too many open files/i, key: 'busy' },
  {
    pattern: /\bE(?:HOSTUNREACH|NETUNREACH|CONNRESET|CONNREFUSED|HOSTDOWN|PIPE)\b|network is unreachable/i,
    key: 'network',
  },
  { pattern: /\bETIMEDOUT\b|timed? ?out|answered too slowly/i, key: 'timeout' },
  { pattern: /\bEIO\b|i\/o error/i, key: 'io' },
  { pattern: /cut off or still being copied|ends inside a character/i, key: 'partial' },
  { pattern: /does not match its hash|is not JSON|not a change in sequence|trailer/i, key: 'damaged' },
];

export interface SyncProblemText {
  /** The problem in the UI language, when it is a known one. */
  known: string | null;
  /** The service's own words, shown as the technical detail when the problem is not known. */
  detail: string;
}

/** The known sentence for `detail`, if any, and the detail itself. */
export function syncProblemText(detail: string, t: TFunction = i18next.t): SyncProblemText {
  const match = KNOWN.find((k) => k.pattern.test(detail));
  return { known: match ? t(`sync.errors.${match.key}`) : null, detail };
}

/** One line for a toast: the headline, then the known sentence or the raw detail. */
export function syncFailedLine(detail: string, t: TFunction = i18next.t): string {
  const { known } = syncProblemText(detail, t);
  return known
    ? t('sync.errors.headlineWith', { what: known })
    : t('sync.errors.headlineWith', { what: t('sync.errors.technical', { detail }) });
}
