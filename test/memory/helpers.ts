import type { TestHarness } from '../helpers/ctx.js';
import { caseInput, loadCase } from '../helpers/cases.js';

export interface ItemJson {
  id: string; type: string; status: string; text: string; quote: string; mentions: number; due: string | null;
  owner?: string; owner_side?: string; kind?: string; severity?: string; evidence?: Record<string, unknown>;
  mentionList?: Array<{ id: string; role: string; sourceId: string; sourceKind: string; quote: string }>;
}

/** A plain client email as an RFC 5322 message. */
export function email(opts: { from: string; to?: string; subject: string; date: string; messageId: string; body: string }): string {
  return [
    `From: ${opts.from}`,
    `To: ${opts.to ?? 'Nadia Okafor <nadia@copperleaf.example>'}`,
    `Subject: ${opts.subject}`,
    `Date: ${opts.date}`,
    `Message-ID: <${opts.messageId}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    opts.body,
    '',
  ].join('\r\n');
}

/** Posts a dev case (optionally under another account, so tests stay independent) and processes it. */
export async function postCase(h: TestHarness, id: string, account?: { name: string; domain: string; tier?: number }): Promise<{ sourceId: string; accountId: string }> {
  const c = loadCase(id);
  const input = caseInput(c) as Record<string, unknown>;
  if (account) {
    // Another account's copy of the same call: a different delivery, not a duplicate.
    input.account = account;
    const source = structuredClone(input.source) as { title: string; entries: Array<{ text: string }> };
    source.title = `${source.title} (${account.name})`;
    source.entries[0]!.text += ` (${account.name})`;
    input.source = source;
  }
  return post(h, input);
}

export async function post(h: TestHarness, input: unknown): Promise<{ sourceId: string; accountId: string }> {
  const res = await h.api('POST', '/api/sources', input);
  if (res.status !== 202) throw new Error(`POST /api/sources: ${res.status} ${await res.text()}`);
  const { id, accountId } = (await res.json()) as { id: string; accountId: string };
  await h.runner.drain();
  const src = (await (await h.api('GET', `/api/sources/${id}`)).json()) as { status: string; lastError: string | null };
  if (src.status !== 'processed') throw new Error(`source ${id} is ${src.status}: ${src.lastError}`);
  return { sourceId: id, accountId };
}

export async function items(h: TestHarness, accountId: string, type?: string): Promise<ItemJson[]> {
  const res = await h.api('GET', `/api/items?account=${accountId}${type ? `&type=${type}` : ''}`);
  return ((await res.json()) as { items: ItemJson[] }).items;
}

export async function item(h: TestHarness, id: string): Promise<ItemJson> {
  return (await (await h.api('GET', `/api/items/${id}`)).json()) as ItemJson;
}
