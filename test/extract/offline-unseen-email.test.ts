import { describe, expect, it } from 'vitest';
import { parseEmail } from '../../src/ingest/email/parse-email.js';
import { extract } from './sources.js';

// A forwarded client email written for this test (not in the development set), through the real
// email parser: cover note, quoted history and signature yield nothing; the client's asks do.

const RAW = `From: Nadia Okafor <nadia.okafor@copperleaf.example>
To: inbox@liaison.example
Subject: Fwd: Summer sale + reviews
Date: Tue, 9 Jun 2026 09:12:00 -0500
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

FYI, Sam can you take the reviews piece? I'll handle the rest.

---------- Forwarded message ---------
From: Petra Lind <petra@lindbikes.example>
Date: Mon, Jun 8, 2026 at 4:40 PM
Subject: Summer sale + reviews
To: Nadia Okafor <nadia.okafor@copperleaf.example>

Hi Nadia,

Our summer sale starts June 20. Can you set up the sale ads on Google and Meta before then? We want 20% off all e-bikes.

Also, someone left a fake 1-star review on our Google listing claiming we never delivered their bike. Could you help us get it removed?

I'll send the sale banner artwork on Wednesday.

Thanks!
Petra

--
Petra Lind | Lind Bikes
"Ride further"

On Fri, Jun 5, 2026 at 10:02 AM Nadia Okafor <nadia.okafor@copperleaf.example> wrote:
> Hi Petra, can you send us the sale dates when you have them?
> Also please confirm the discount.
`;

describe('an unseen forwarded email', () => {
  it('yields the client asks (one per ad platform), her dated promise, and nothing from the cover note or history', async () => {
    const parsed = await parseEmail(RAW, { agencyDomains: ['copperleaf.example'] });
    const out = await extract(parsed.source);
    expect(out.requests.map((r) => [r.requester, r.channel, r.triage, r.due])).toEqual([
      ['Petra Lind', 'google_ads', 'complex', '2026-06-19'],
      ['Petra Lind', 'social', 'complex', '2026-06-19'],
      ['Petra Lind', 'seo', 'simple', null],
    ]);
    expect(out.commitments.map((c) => [c.owner, c.owner_side, c.due])).toEqual([['Petra Lind', 'client', '2026-06-10']]);
    const quotes = [...out.requests, ...out.commitments].map((i) => i.quote).join(' ');
    expect(quotes).not.toMatch(/reviews piece|handle the rest|sale dates|confirm the discount|Ride further/);
  });
});
