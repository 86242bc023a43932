import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/types.js';
import { ingestRawEmail } from '../../src/ingest/email/index.js';
import { createHarness, type TestHarness } from '../helpers/ctx.js';
import { DRIVERS, createDb } from '../helpers/db.js';
import { EMAIL_ENV, caseRaw, plainMessage, withHeader } from './helpers.js';

// Account resolution in order (alias or plus-address, sender domain, [tag]), unassigned mail kept and
// assignable, an explicit account winning, and one source per client email, on both drivers.

const forward = (to: string, subject = 'Fwd: budget', sender = 'Ana Ruiz <ana@acme-corp.example>') =>
  plainMessage({ from: 'Nadia Okafor <nadia.okafor@copperleaf.example>', to, subject }, [
    'See below.', '', '---------- Forwarded message ---------', `From: ${sender}`, 'Date: Mon, Mar 9, 2026 at 8:15 AM',
    `Subject: ${subject.replace(/^Fwd: /, '')}`, 'To: Nadia Okafor <nadia.okafor@copperleaf.example>', '', '',
    `Can you cut the display budget by 20% from next week? (${Math.random()})`, '', 'Ana',
  ].join('\r\n'));

describe.each(DRIVERS)('email routing on %s', (driver) => {
  let db: Db;
  let h: TestHarness;
  let acme: string;
  let globex: string;
  beforeAll(async () => {
    db = await createDb(driver);
    h = createHarness(db, { env: EMAIL_ENV });
    acme = ((await (await h.api('POST', '/api/accounts', { name: 'Acme Corp', domains: ['acme-corp.example'], inboundAlias: 'acme' })).json()) as { id: string }).id;
    globex = ((await (await h.api('POST', '/api/accounts', { name: 'Globex', domains: ['globex.example'] })).json()) as { id: string }).id;
  });
  afterAll(async () => {
    await h.runner.stop();
    await db.close();
  });

  it('routes by inbound alias, plus-address, sender domain, then subject tag, in that order', async () => {
    expect(await ingestRawEmail(h.ctx, { raw: forward('globex@inbound.example.com'), origin: 'test' })).toMatchObject({ accountId: globex, via: 'alias' });
    expect(await ingestRawEmail(h.ctx, { raw: forward('inbound+globex@inbound.example.com'), origin: 'test' })).toMatchObject({ accountId: globex, via: 'plus_address' });
    expect(await ingestRawEmail(h.ctx, { raw: forward('inbound@inbound.example.com'), origin: 'test' })).toMatchObject({ accountId: acme, via: 'sender_domain' });
    const tagged = forward('inbound@inbound.example.com', 'Fwd: [globex] budget', 'Someone <someone@gmail.example>');
    expect(await ingestRawEmail(h.ctx, { raw: tagged, origin: 'test' })).toMatchObject({ accountId: globex, via: 'subject_tag' });
    // An alias on another domain than INBOUND_DOMAIN is not routing.
    expect(await ingestRawEmail(h.ctx, { raw: forward('globex@elsewhere.example'), origin: 'test' })).toMatchObject({ accountId: acme, via: 'sender_domain' });
  });

  it('records a conflict when the alias and the sender domain disagree', async () => {
    const s = await ingestRawEmail(h.ctx, { raw: forward('globex@inbound.example.com'), origin: 'test' });
    const [row] = await db.query<{ hints: { accountConflict: string | null } }>('SELECT hints FROM sources WHERE id = $1', [s.id]);
    expect(row!.hints.accountConflict).toBe(acme);
  });

  it('keeps mail it cannot route as unassigned, listed, then assignable', async () => {
    const s = await ingestRawEmail(h.ctx, { raw: forward('inbound@inbound.example.com', 'Fwd: hello', 'Zed <zed@unknown.example>'), origin: 'test' });
    expect(s).toMatchObject({ status: 'unassigned', accountId: null, via: null });
    const listed = (await (await h.api('GET', '/api/sources?status=unassigned')).json()) as { sources: Array<{ id: string }> };
    expect(listed.sources.map((x) => x.id)).toContain(s.id);
    const res = await h.api('POST', `/api/sources/${s.id}/assign`, { accountId: acme });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ accountId: acme, status: 'received' });
  });

  it('an account given through the API wins over the routing', async () => {
    const res = await h.api('POST', '/api/sources', { kind: 'email', account: { name: 'Globex', domain: 'globex.example' }, source: { raw: forward('acme@inbound.example.com') } });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ accountId: globex });
  });

  it('the same client email forwarded by two AMs is one source; a different email is another', async () => {
    const first = await ingestRawEmail(h.ctx, { raw: caseRaw('d14'), origin: 'test' });
    let other = withHeader(caseRaw('d14'), 'From', 'Sam Ortiz <sam.ortiz@copperleaf.example>');
    other = withHeader(other, 'Message-ID', '<second-am@copperleaf.example>');
    other = withHeader(other, 'Date', 'Tue, 28 Apr 2026 09:00:00 -0500');
    const second = await ingestRawEmail(h.ctx, { raw: other, origin: 'test' });
    expect(second).toMatchObject({ id: first.id, created: false });
    const changed = await ingestRawEmail(h.ctx, { raw: caseRaw('d14').replace('R2xvcmlhJ3Mg', 'R2xvcmlhJ3Ng'), origin: 'test' });
    expect(changed.id).toBe(first.id); // only the AM's cover note changed ("Gloria's email" -> "Gloria's`email")
    const rick = await ingestRawEmail(h.ctx, { raw: caseRaw('d09'), origin: 'test' });
    const rickEdited = await ingestRawEmail(h.ctx, { raw: caseRaw('d09').replace('the $89 version', 'the $99 version'), origin: 'test' });
    expect(rickEdited.created).toBe(true);
    expect(rickEdited.id).not.toBe(rick.id);
  });
});
