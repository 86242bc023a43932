import { describe, expect, it } from 'vitest';
import { email, extract } from './sources.js';

// Channel coverage: the many words clients use for each channel, and "paid" as in paid media is not
// a billing topic. Sentences written for this file.

const channelOf = async (line: string) => {
  const out = await extract(email('2026-05-04', 'Ines Kovac', [line]));
  return out.requests.map((r) => r.channel);
};

describe('channel vocabulary', () => {
  it.each([
    ['Could you pause the Performance Max campaign for the outlet store?', 'google_ads'],
    ['Can you fix the meta descriptions on our service pages?', 'seo'],
    ['Could you submit the new sitemap to Search Console?', 'seo'],
    ['Can you update the WordPress plugin that keeps crashing?', 'web'],
    ['Could you pull the ROAS for last month?', 'analytics'],
    ['Can you turn on the auto-responder in HighLevel for new leads?', 'crm'],
    ['Could you send an e-blast about the spring sale?', 'email_marketing'],
    ['Can you reply to the comments on our Nextdoor post?', 'social'],
  ])('"%s" goes to %s', async (line, channel) => {
    expect(await channelOf(line)).toContain(channel);
  });

  it('paid media in an ask is not billing', async () => {
    const out = await channelOf('Could you scope out a launch plan for the new shop on Instagram plus paid?');
    expect(out).not.toContain('billing');
    expect(out).toContain('social');
  });

  it('a breakdown of billed hours is billing, not a data question', async () => {
    expect(await channelOf('Can you send a breakdown of the billable hours on the March invoice?')).toContain('billing');
  });
});
