// Invitations to write for the website, against a real (in-memory) ledger: a published invitation
// is saved only with an article that is there, logging the invited person's article publishes the
// invitation in the same write, and deleting that article takes the invitation back to accepted.
import { afterEach, describe, expect, it } from 'vitest';
import { createRepository } from '../../db/repository';
import type { NetdeskDb } from '../../db/schema';
import { freshDb, manualClock } from '../../db/test-support';
import { InvitationRefused, removeWebsiteUpdate, saveInvitation, saveWebsiteUpdate } from './data';

let db: NetdeskDb | undefined;
afterEach(() => db?.close());

async function ledger() {
  db = await freshDb();
  const clock = manualClock('2026-12-07T02:00:00.000Z');
  return {
    db,
    repo: createRepository(db, { now: clock.now }),
    now: () => Date.parse('2026-12-07T02:00:00.000Z'),
  };
}

const article = {
  site: '集团官网',
  title: '我在信息部的一年',
  category: 'staff-article' as const,
  author: '张三',
  publishedAt: '2026-12-05T02:00:00.000Z',
  url: '',
};
const asked = {
  personId: 'p1',
  askedAt: '2026-12-01T02:00:00.000Z',
  status: 'asked' as const,
  note: '年终感想',
  websiteUpdateId: null,
};

describe('invitations to write', () => {
  it('refuses published without an article, or with one that is not there, and writes nothing', async () => {
    const { db, repo, now } = await ledger();
    await expect(
      saveInvitation(db, repo, { ...asked, status: 'published' }, undefined, now),
    ).rejects.toMatchObject({
      reason: 'published-needs-article',
    });
    await expect(
      saveInvitation(db, repo, { ...asked, status: 'published', websiteUpdateId: 'missing' }, undefined, now),
    ).rejects.toBeInstanceOf(InvitationRefused);
    expect(await db.websiteInvitations.count()).toBe(0);
  });

  it("publishes the invitation with the invited person's article in one write", async () => {
    const { db, repo, now } = await ledger();
    const invitation = await saveInvitation(db, repo, asked, undefined, now);
    const update = await saveWebsiteUpdate(db, repo, article, undefined, {
      invitationId: invitation.id,
      now,
    });
    expect(await db.websiteInvitations.get(invitation.id)).toMatchObject({
      status: 'published',
      websiteUpdateId: update.id,
    });
    // Both went to the outbox, so the other PCs see the article and the invitation together.
    const outbox = await db.changeLog.toArray();
    expect(outbox.map((c) => c.table).sort()).toEqual([
      'websiteInvitations',
      'websiteInvitations',
      'websiteUpdates',
    ]);

    // A second invitation cannot claim the same article.
    const other = await saveInvitation(db, repo, { ...asked, personId: 'p2' }, undefined, now);
    await expect(
      saveInvitation(
        db,
        repo,
        { ...asked, personId: 'p2', status: 'published', websiteUpdateId: update.id },
        other.id,
        now,
      ),
    ).rejects.toMatchObject({ reason: 'article-taken' });
  });

  it('saves neither the article nor the link when the invitation is gone', async () => {
    const { db, repo, now } = await ledger();
    await expect(
      saveWebsiteUpdate(db, repo, article, undefined, { invitationId: 'no-such', now }),
    ).rejects.toThrow();
    expect(await db.websiteUpdates.count()).toBe(0);
  });

  it('takes a published invitation back to accepted when its article is deleted', async () => {
    const { db, repo, now } = await ledger();
    const invitation = await saveInvitation(db, repo, asked, undefined, now);
    const update = await saveWebsiteUpdate(db, repo, article, undefined, {
      invitationId: invitation.id,
      now,
    });
    await removeWebsiteUpdate(db, repo, update.id);
    expect(await db.websiteInvitations.get(invitation.id)).toMatchObject({
      status: 'accepted',
      websiteUpdateId: null,
    });
    expect((await db.websiteUpdates.get(update.id))?.deletedAt).not.toBeNull();
  });
});
