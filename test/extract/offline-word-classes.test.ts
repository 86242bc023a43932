import { describe, expect, it } from 'vitest';
import { call, email, extract } from './sources.js';

// Generalisation checks: each test states a class of wording (a churn signal in noun order, a held
// payment, a "please" with any verb, ...) in sentences written for this file, not copied from a case.

const PEOPLE: Array<[string, 'agency' | 'client']> = [['Tom Reyes', 'agency'], ['Ines Kovac', 'client'], ['Olu Baker', 'client']];
const kinds = (out: Awaited<ReturnType<typeof extract>>) => out.risks.map((r) => r.kind);

describe('churn in any word order', () => {
  it.each([
    'Head office is running a vendor evaluation this autumn.',
    'The board wants to put our marketing out to tender next quarter.',
    "We'll be talking to a couple of other agencies in the new year.",
    'Our CFO is reassessing every vendor relationship, including this one.',
    'Our contract with you runs out in March and nobody has decided anything.',
    'We have been asked to re-bid all of our marketing services.',
  ])('"%s" is a churn risk', async (line) => {
    const out = await extract(email('2026-03-02', 'Ines Kovac', [line]));
    expect(kinds(out)).toContain('churn_risk');
  });

  it.each([
    'Marketing spend is frozen until further notice.',
    "We're pausing all paid marketing from July.",
    'Finance has slashed the digital budget for next year.',
  ])('a budget cut or freeze, "%s", is a medium churn risk', async (line) => {
    const out = await extract(email('2026-03-02', 'Ines Kovac', [line]));
    expect(out.risks.map((r) => [r.kind, r.severity])).toContainEqual(['churn_risk', 'medium']);
  });

  it('an ads review, a past agency or a budget shift between channels is not churn', async () => {
    const out = await extract(email('2026-03-02', 'Ines Kovac', [
      'Could you review the Google Ads account structure before our next call?',
      'Our previous agency built the old site in 2019.',
      'Can you move some of the Meta spend over to search?',
    ]));
    expect(kinds(out)).not.toContain('churn_risk');
  });
});

describe('displeasure, chasing and unacted asks', () => {
  it('reads intensified displeasure and having to chase as frustration, an old unanswered ask as a missed deadline', async () => {
    const out = await extract(call('2026-03-02', PEOPLE, [
      ['Ines Kovac', "Honestly, I'm getting really tired of having to chase you for updates."],
      ['Tom Reyes', 'Understood, I am sorry.'],
      ['Olu Baker', 'We flagged the wrong opening hours back in January and they are still wrong on the site.'],
    ]));
    expect(kinds(out)).toEqual(expect.arrayContaining(['frustration', 'missed_deadline']));
  });

  it('a held or refused payment is a high billing risk and makes the invoice ask hot', async () => {
    const out = await extract(email('2026-03-02', 'Olu Baker', [
      'The February bill charges us for the site audit twice. Accounts will not pay it until a corrected invoice comes through.',
    ]));
    expect(out.risks.map((r) => [r.kind, r.severity])).toContainEqual(['billing', 'high']);
    expect(out.requests.map((r) => [r.channel, r.triage])).toEqual([['billing', 'hot']]);
  });
});

describe('asks in other wordings', () => {
  it('treats "please" with any verb, "I need you to", "would you be able to" and "kindly" as asks', async () => {
    const out = await extract(email('2026-03-02', 'Ines Kovac', [
      'Please get the holiday hours onto the homepage.',
      'I need you to swap the hero image on the landing page.',
      "Would you be able to resend last month's report?",
      'Kindly remove the old coupon from the footer.',
    ]));
    expect(out.requests).toHaveLength(4);
  });

  it('a reason given after a question is not a second ask', async () => {
    const out = await extract(email('2026-03-02', 'Ines Kovac', [
      'Can you tell me how many people used the expired code last week? I need to know how many orders to honour.',
    ]));
    expect(out.requests.map((r) => r.channel)).toEqual(['analytics']);
  });

  it('one stale detail on the website and in the automated reminder texts is two hot asks when customers acted on it', async () => {
    const out = await extract(email('2026-03-02', 'Olu Baker', [
      'Two patients turned up at the old clinic on Saturday.',
      'Our website and the appointment reminder texts both still give the Elm Street address. Please correct them today.',
    ]));
    expect(out.requests.map((r) => [r.channel, r.triage, r.due])).toEqual([['web', 'hot', '2026-03-02'], ['crm', 'hot', '2026-03-02']]);
  });

  it('an ask with "or we\'ll look elsewhere" is a hot ultimatum', async () => {
    const out = await extract(email('2026-03-02', 'Olu Baker', [
      'Get the booking form working again by Wednesday or we will be looking elsewhere.',
    ]));
    expect(out.requests.map((r) => [r.triage, r.due])).toEqual([['hot', '2026-03-04']]);
    expect(kinds(out)).toContain('churn_risk');
  });
});

describe('promises in other wordings', () => {
  it('reads idioms, "\'s going to" and a client-side "you\'ll have" as promises with owners and dates', async () => {
    const out = await extract(call('2026-03-02', PEOPLE, [
      ['Ines Kovac', 'Could you fix the contact form?'],
      ['Tom Reyes', 'Leave it with me, it will be working by Thursday.'],
      ['Olu Baker', "Our developer Sam's going to move the domain on Monday."],
      ['Ines Kovac', "And you'll have the new price list from us by Wednesday."],
    ]));
    expect(out.commitments.map((c) => [c.owner, c.owner_side, c.due])).toEqual([
      ['Tom Reyes', 'agency', '2026-03-05'], ['Sam', 'client', '2026-03-09'], ['Ines Kovac', 'client', '2026-03-04'],
    ]);
  });
});

describe('deadlines in other wordings (reference Tue 2026-03-10)', () => {
  it.each([
    ['Please update the banner by close of business.', '2026-03-10'],
    ['Can you send the report by COB Thursday?', '2026-03-12'],
    ['Could you fix it in the next hour?', '2026-03-10'],
    ['Can you get the page live by the 3rd or 4th?', '2026-04-04'],
    ['Please have the teaser live two weeks before our open day on April 14.', '2026-03-31'],
    ['Can the offer go live on the 2nd of April?', '2026-04-02'],
    ['Please put the sale banner up by Fri.', '2026-03-13'],
    ['Please remove the old price straight away.', '2026-03-10'],
  ])('"%s" is due %s', async (line, due) => {
    const out = await extract(email('2026-03-10', 'Ines Kovac', [line]));
    expect(out.requests.map((r) => r.due)).toEqual([due]);
  });
});

describe('escalation cues', () => {
  it('an ask next to legal or reputational exposure is hot; a plain copy change is not', async () => {
    const out = await extract(email('2026-03-10', 'Olu Baker', [
      'Our solicitor thinks the "guaranteed results" line on the services page could land us in trouble. Please take it off today.',
      'Separately, could you swap the team photo on the about page?',
    ]));
    expect(out.requests.map((r) => r.triage)).toEqual(['hot', 'simple']);
  });
});

describe('a call with varied wording', () => {
  it('finds each ask once, with hot for a dead link, and the promises and signals in other words', async () => {
    const out = await extract(call('2026-03-10', PEOPLE, [
      ['Ines Kovac', 'We really need the Easter menu on the website by Thursday.'],
      ['Ines Kovac', 'Is it possible to add a chat widget?'],
      ['Ines Kovac', 'I was hoping you could redo the About page.'],
      ['Ines Kovac', 'What would it cost to run ads in Spanish as well?'],
      ['Ines Kovac', 'The Facebook ad is still pointing to the winter sale page, which is gone.'],
      ['Ines Kovac', 'Somebody needs to update the hours on Google before the long weekend.'],
      ['Ines Kovac', "It'd be good to get a monthly breakdown of calls by location."],
      ['Tom Reyes', "We're going to have the new landing page ready by the 14th."],
      ['Tom Reyes', 'Let me dig into it and come back to you tomorrow.'],
      ['Olu Baker', "I'm not thrilled with how long the redesign is taking."],
      ['Olu Baker', "The board has asked me to justify every marketing dollar, and if I can't, we'll be cutting back."],
    ]));
    expect(out.requests.map((r) => [r.channel, r.triage])).toEqual([
      ['web', 'simple'], ['web', 'simple'], ['web', 'simple'], ['social', 'complex'], ['social', 'hot'], ['seo', 'simple'], ['analytics', 'complex'],
    ]);
    expect(out.commitments.map((c) => [c.owner, c.due])).toEqual([['Tom Reyes', '2026-03-14'], ['Tom Reyes', '2026-03-11']]);
    expect(kinds(out)).toEqual(['frustration', 'churn_risk']);
  });
});

describe('an email and a call in other words', () => {
  it('an expired code customers hit is hot and due from "needs fixing today"; a boss\'s wish and "put one together" are one ask', async () => {
    const out = await extract(email('2026-03-10', 'Ines Kovac', [
      'Our spring promo code SPRING20 expired on Sunday but the Google ads are still running with it, and customers are getting errors at checkout. This needs fixing today.',
      'On another note, our owner wants to see a proposal for adding TikTok. Could you put one together by the 20th?',
      'To be honest we are starting to question the value we get from the retainer.',
    ]));
    expect(out.requests.map((r) => [r.channel, r.triage, r.due])).toEqual([['google_ads', 'hot', '2026-03-10'], ['social', 'complex', '2026-03-20']]);
    expect(kinds(out)).toEqual(['churn_risk']);
  });

  it('customers being annoyed is not the client\'s displeasure; a question after a dash keeps its topic', async () => {
    const out = await extract(call('2026-03-10', PEOPLE, [
      ['Ines Kovac', "The price on the homepage banner says $49 but it's $59 now. People are getting annoyed at the counter."],
      ['Tom Reyes', "Oh no. I'll fix that right after this call."],
      ['Ines Kovac', 'Thanks. And the blog post about spring cleaning — when is that going up?'],
    ]));
    expect(out.requests.map((r) => [r.channel, r.triage])).toEqual([['web', 'hot'], ['content', 'simple']]);
    expect(kinds(out)).not.toContain('frustration');
  });
});

describe('classes found by the blind set, in other words', () => {
  it('a broken promise, a payment not released, and a new unit are risks', async () => {
    const out = await extract(email('2026-05-04', 'Olu Baker', [
      'You promised the events page for the 1st and there is still nothing up.',
      "The March invoice bills the audit twice. Finance won't release the payment until a corrected invoice arrives.",
      'Good news too: we just signed a lease on a third studio in Leith.',
    ]));
    expect(out.risks.map((r) => r.kind)).toEqual(['missed_deadline', 'billing', 'expansion_opportunity']);
    expect(out.risks.find((r) => r.kind === 'billing')?.severity).toBe('high');
  });

  it('owners named with their team or full name, "will do" after an ask but not after a courtesy', async () => {
    const out = await extract(call('2026-05-04', PEOPLE, [
      ['Ines Kovac', 'Marco from our IT team is going to share the analytics login by Thursday.'],
      ['Ines Kovac', 'Could you add the Leith opening hours to the footer?'],
      ['Tom Reyes', 'Will do, that goes up today.'],
      ['Tom Reyes', 'Keep us posted on Leith.'],
      ['Olu Baker', 'Will do.'],
    ]));
    expect(out.commitments.map((c) => [c.owner, c.owner_side, c.due])).toEqual([['Marco', 'client', '2026-05-07'], ['Tom Reyes', 'agency', '2026-05-04']]);
  });

  it('"by then" after a deadline tied to a named event dates the promise with that deadline', async () => {
    const out = await extract(call('2026-05-04', PEOPLE, [
      ['Ines Kovac', 'Then there is Spring Expo. We have a stand there on May 20th. We need the booth ads live one week before Spring Expo.'],
      ['Tom Reyes', "Sure. Sana's going to build the ads, and we'll have them live by then."],
    ]));
    expect(out.requests.map((r) => r.due)).toEqual(['2026-05-13']);
    expect(out.commitments.map((c) => [c.owner, c.due])).toEqual([['Sana', '2026-05-13']]);
  });

  it('a review of spend by the owners is high churn, and an ask for the owners is hot; lost orders make an ask hot', async () => {
    const out = await extract(call('2026-05-04', PEOPLE, [
      ['Olu Baker', 'Heads up: our owners are reviewing all agency spend next quarter.'],
      ['Tom Reyes', 'Thanks for telling us.'],
      ['Olu Baker', 'Could you send a results summary I can give the owners?'],
      ['Ines Kovac', "Also the checkout button is broken. Please sort it today, we're losing orders."],
    ]));
    expect(out.risks.map((r) => [r.kind, r.severity])).toContainEqual(['churn_risk', 'high']);
    expect(out.requests.map((r) => r.triage)).toEqual(['hot', 'hot']);
  });
});

describe('channel from where the work lives', () => {
  it('a checkout fault is web even when charges are mentioned; a list email is email marketing; scheduled posts are social', async () => {
    const out = await extract(email('2026-05-04', 'Olu Baker', [
      'Our checkout keeps charging cards without confirming orders. Please fix it today, we are losing sales.',
      'I would also like to send an email to our members list about the summer timetable. Could you draft it?',
      'And could you get the open day posts scheduled for next week?',
    ]));
    expect(out.requests.map((r) => r.channel)).toEqual(['web', 'email_marketing', 'social']);
    expect(out.requests.map((r) => r.triage).slice(0, 2)).toEqual(['hot', 'complex']);
  });
});

describe('precision of the broader classes', () => {
  it('small talk, courtesy formulas, a harsh word about the traffic and a compliment are not items', async () => {
    const out = await extract(call('2026-03-10', PEOPLE, [
      ['Ines Kovac', "Morning! Sorry I'm late, the traffic was awful."],
      ['Tom Reyes', 'No worries. Shall we go through the report?'],
      ['Ines Kovac', "Please do. I'm really happy with how March went."],
      ['Ines Kovac', 'Please pass my thanks to the team.'],
      ['Ines Kovac', 'Have a great weekend, everyone.'],
    ]));
    expect([...out.requests, ...out.commitments, ...out.risks]).toEqual([]);
  });

  it('a harsh verdict on the agency\'s work is frustration', async () => {
    const out = await extract(email('2026-03-10', 'Ines Kovac', ['Frankly, the last report was useless to us.']));
    expect(kinds(out)).toEqual(['frustration']);
  });
});

describe('pleasantries that sound like promises', () => {
  it('offering the agency a drink is not a commitment', async () => {
    const out = await extract(call('2026-03-10', PEOPLE, [
      ['Ines Kovac', "Come by the shop after the launch, I'll buy you a coffee."],
      ['Olu Baker', "And we'll keep you a slice of the anniversary cake."],
    ]));
    expect(out.commitments).toEqual([]);
  });
});
