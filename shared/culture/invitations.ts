// Invitations to staff to write for the group's website (邀请投稿): who was asked and when, how it
// went, and the update the contribution became. The rules here decide what a saved invitation may
// say — a published one names an article that exists and no other invitation claims — and which
// open invitation a newly logged update by that person answers. The website update keeps its
// author as typed text; a person is matched to it by name, folded like every other key.
import { isListed } from '../sync/arrival';
import { foldKey } from '../text/fold';
import type { WEBSITE_INVITATION_STATUSES } from '../schemas/records';

export type InvitationStatus = (typeof WEBSITE_INVITATION_STATUSES)[number];

/** Still waiting for an article: asked (no answer yet) or accepted (promised, not yet online). */
export const OPEN_INVITATION_STATUSES: readonly InvitationStatus[] = ['asked', 'accepted'];

export interface InvitationLike {
  id: string;
  personId: string;
  askedAt: string;
  status: InvitationStatus;
  websiteUpdateId: string | null;
  createdAt?: string | null;
  deletedAt?: string | null;
}

export interface UpdateRef {
  id: string;
  publishedAt: string;
  createdAt?: string | null;
  deletedAt?: string | null;
}

/** Why an invitation cannot be saved as it stands. */
export type InvitationRefusal =
  /** Published, but no article chosen. */
  | 'published-needs-article'
  /** The chosen article is not a live website update (deleted, or never arrived here). */
  | 'article-missing'
  /** An article is named on an invitation that is not published. */
  | 'article-needs-published'
  /** The article is already the contribution of another invitation. */
  | 'article-taken'
  /** Asked later than now: a typing slip. */
  | 'asked-in-future'
  /** The article went online before the person was asked: it cannot be what the invitation became. */
  | 'article-before-asked';

/** Slack for clocks of two PCs and the minute the form rounds to. */
const FUTURE_SLACK_MS = 5 * 60 * 1000;

/**
 * Check an invitation before it is written. `updates` are the website updates of the ledger
 * (deleted ones are skipped), `invitations` every invitation (the one being edited, if any, is
 * recognised by `id` and ignored).
 */
export function checkInvitation(
  input: { id?: string; askedAt: string; status: InvitationStatus; websiteUpdateId: string | null },
  ledger: { updates: readonly UpdateRef[]; invitations: readonly InvitationLike[] },
  nowMs: number,
): InvitationRefusal | null {
  if (Date.parse(input.askedAt) > nowMs + FUTURE_SLACK_MS) return 'asked-in-future';
  if (input.status !== 'published') return input.websiteUpdateId ? 'article-needs-published' : null;
  if (!input.websiteUpdateId) return 'published-needs-article';
  const article = ledger.updates.find((u) => u.id === input.websiteUpdateId && isListed(u));
  if (!article) return 'article-missing';
  // Minutes apart on the same day are a matter of who typed first; a day earlier is another article.
  if (Date.parse(article.publishedAt) < Date.parse(input.askedAt) - 24 * 3600 * 1000)
    return 'article-before-asked';
  const taken = ledger.invitations.some(
    (i) => i.id !== input.id && isListed(i) && i.websiteUpdateId === input.websiteUpdateId,
  );
  return taken ? 'article-taken' : null;
}

export function isOpenInvitation(invitation: InvitationLike): boolean {
  return isListed(invitation) && OPEN_INVITATION_STATUSES.includes(invitation.status);
}

/** A name as a key: width and case folded, and no spaces at all ('张 三' is 张三). */
function nameKey(name: string): string {
  return foldKey(name).replace(/\s+/g, '');
}

/**
 * The open invitations a website update by `author` may answer: those of the people whose name is
 * the author's (folded: width, case and spaces do not matter), oldest asked first.
 */
export function openInvitationsForAuthor<I extends InvitationLike>(
  author: string,
  invitations: readonly I[],
  people: readonly { id: string; name: string }[],
): I[] {
  const key = nameKey(author);
  if (key === '') return [];
  const ids = new Set(people.filter((p) => nameKey(p.name) === key).map((p) => p.id));
  return invitations
    .filter((i) => ids.has(i.personId) && isOpenInvitation(i))
    .sort((a, b) => a.askedAt.localeCompare(b.askedAt));
}

/**
 * The website updates an invitation may be marked published with: live, not claimed by another
 * invitation, published no earlier than the day before it was asked; newest first.
 */
export function articleChoices<U extends UpdateRef>(
  invitation: { id?: string; askedAt: string },
  updates: readonly U[],
  invitations: readonly InvitationLike[],
): U[] {
  const claimed = new Set(
    invitations
      .filter((i) => i.id !== invitation.id && isListed(i) && i.websiteUpdateId)
      .map((i) => i.websiteUpdateId),
  );
  const earliest = Date.parse(invitation.askedAt) - 24 * 3600 * 1000;
  return updates
    .filter((u) => isListed(u) && !claimed.has(u.id) && Date.parse(u.publishedAt) >= earliest)
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
}
