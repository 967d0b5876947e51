import { describe, expect, it } from 'vitest';
import {
  articleChoices,
  checkInvitation,
  openInvitationsForAuthor,
  type InvitationLike,
} from './invitations';

const at = (local: string) => new Date(`${local}+08:00`).toISOString();
const CREATED = '2026-01-01T00:00:00.000Z';
const NOW = Date.parse(at('2026-12-07T10:00:00'));

const update = (id: string, publishedAt: string, extra: { deletedAt?: string } = {}) => ({
  id,
  publishedAt: at(publishedAt),
  createdAt: CREATED,
  ...extra,
});
const invitation = (
  id: string,
  personId: string,
  askedAt: string,
  status: InvitationLike['status'] = 'asked',
  websiteUpdateId: string | null = null,
): InvitationLike => ({ id, personId, askedAt: at(askedAt), status, websiteUpdateId, createdAt: CREATED });

describe('what an invitation to write may say', () => {
  const updates = [
    update('w-old', '2026-10-01T09:00:00'),
    update('w1', '2026-12-03T09:00:00'),
    update('w-gone', '2026-12-04T09:00:00', { deletedAt: '2026-12-05T00:00:00.000Z' }),
  ];
  const ledger = {
    updates,
    invitations: [invitation('other', 'p2', '2026-11-20T09:00:00', 'published', 'w1')],
  };
  const asked = at('2026-12-01T09:00:00');

  it('takes an open invitation without an article', () => {
    expect(
      checkInvitation({ askedAt: asked, status: 'asked', websiteUpdateId: null }, ledger, NOW),
    ).toBeNull();
    expect(
      checkInvitation({ askedAt: asked, status: 'declined', websiteUpdateId: null }, ledger, NOW),
    ).toBeNull();
  });

  it('refuses published without the article it became, and an article that is not there', () => {
    expect(checkInvitation({ askedAt: asked, status: 'published', websiteUpdateId: null }, ledger, NOW)).toBe(
      'published-needs-article',
    );
    expect(
      checkInvitation({ askedAt: asked, status: 'published', websiteUpdateId: 'nope' }, ledger, NOW),
    ).toBe('article-missing');
    expect(
      checkInvitation({ askedAt: asked, status: 'published', websiteUpdateId: 'w-gone' }, ledger, NOW),
    ).toBe('article-missing');
  });

  it('refuses an article on an invitation that is not published', () => {
    expect(checkInvitation({ askedAt: asked, status: 'accepted', websiteUpdateId: 'w1' }, ledger, NOW)).toBe(
      'article-needs-published',
    );
  });

  it('refuses an article another invitation already became, but not the invitation that holds it', () => {
    const input = { askedAt: at('2026-11-20T09:00:00'), status: 'published' as const, websiteUpdateId: 'w1' };
    expect(checkInvitation(input, ledger, NOW)).toBe('article-taken');
    expect(checkInvitation({ ...input, id: 'other' }, ledger, NOW)).toBeNull();
  });

  it('refuses an article online before the person was asked, and an invitation asked in the future', () => {
    expect(
      checkInvitation({ askedAt: asked, status: 'published', websiteUpdateId: 'w-old' }, ledger, NOW),
    ).toBe('article-before-asked');
    expect(
      checkInvitation(
        { askedAt: at('2026-12-08T09:00:00'), status: 'asked', websiteUpdateId: null },
        ledger,
        NOW,
      ),
    ).toBe('asked-in-future');
  });
});

describe('the open invitation a logged update answers', () => {
  const people = [
    { id: 'p1', name: '张三' },
    { id: 'p2', name: '李四' },
  ];
  const invitations = [
    invitation('late', 'p1', '2026-12-02T09:00:00', 'accepted'),
    invitation('early', 'p1', '2026-11-25T09:00:00'),
    invitation('done', 'p1', '2026-11-01T09:00:00', 'published', 'w1'),
    invitation('no', 'p1', '2026-11-02T09:00:00', 'declined'),
    invitation('li', 'p2', '2026-11-02T09:00:00'),
  ];

  it("finds the author's open invitations by name, oldest first, whatever the spacing", () => {
    expect(openInvitationsForAuthor('张三', invitations, people).map((i) => i.id)).toEqual(['early', 'late']);
    expect(openInvitationsForAuthor(' 张 三 ', invitations, people).map((i) => i.id)).toEqual([
      'early',
      'late',
    ]);
    expect(openInvitationsForAuthor('王五', invitations, people)).toEqual([]);
    expect(openInvitationsForAuthor('', invitations, people)).toEqual([]);
  });

  it('offers as the article only updates not claimed and not older than the day before the ask', () => {
    const updates = [
      update('w1', '2026-12-03T09:00:00'),
      update('w2', '2026-12-04T09:00:00'),
      update('w-old', '2026-11-01T09:00:00'),
    ];
    const choices = articleChoices({ id: 'early', askedAt: at('2026-11-25T09:00:00') }, updates, invitations);
    expect(choices.map((u) => u.id)).toEqual(['w2']);
  });
});
