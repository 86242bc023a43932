import type { Channel, NormalizedSource, Triage } from '../../domain/schemas.js';
import { CHANNEL_LEXICON, COMPLEX_CUES, GENERIC_ADS, SEARCH_PLATFORM, SOCIAL_PLATFORM } from './lexicon.js';

// Channel from topic words (the ask, its follow-ups and the report it answers); a bare "ads" goes to
// the ad platform the source talks about. Triage: hot is decided by the caller (errors customers see,
// ultimatums, asks tied to re-bids or held payments); otherwise complex when the ask is real work.

export function adPlatform(source: NormalizedSource): Channel {
  let social = 0;
  let search = 0;
  for (const seg of source.segments) {
    for (const sentence of seg.text.split(/(?<=[.!?])\s+/)) {
      if (!/\b(ads?|campaigns?|promo|audiences?)\b/i.test(sentence)) continue;
      social += sentence.match(SOCIAL_PLATFORM)?.length ?? 0;
      search += sentence.match(SEARCH_PLATFORM)?.length ?? 0;
    }
  }
  return social > search ? 'social' : 'google_ads';
}

export function classifyChannel(text: string, platform: Channel): Channel {
  const ads = /\b(?:ads?|campaigns?|adwords|ppc)\b/i.test(text);
  // The first web row (a broken checkout or widget) gives way when ads are named: then the ad is what is wrong.
  const siteRow = CHANNEL_LEXICON.findIndex(([c]) => c === 'web');
  for (const [i, [channel, re]] of CHANNEL_LEXICON.entries()) if (!(i === siteRow && ads) && re.test(text)) return channel;
  if (GENERIC_ADS.test(text)) return platform;
  return 'general';
}

export function classifyTriage(text: string, hot: boolean): Triage {
  if (hot) return 'hot';
  // Stopping or removing something is a one-setting change, whatever it is about.
  if (/^(?:(?:also|and|so|oh|okay|ok)[,]?\s+)*(?:please\s+|let['’]s\s+|can you\s+|could you\s+)?(?:stop|pause|turn off|switch off|remove|take down|unpublish)\b/i.test(text)) return 'simple';
  if (COMPLEX_CUES.test(text) || /\b(ads|campaigns?) (running|live|up)\b|\bset up\b[^.?]{0,30}\b(ads|campaigns?)\b/i.test(text)) return 'complex';
  return 'simple';
}

/** "Wrong on the website and on our Google listing": the same fix on two properties is two asks. */
export function twoPlatforms(text: string): boolean {
  const search = /\b(?:google(?!\s+(?:business|listing|profile|reviews?|maps))|google ads|bing|search ads|(?:in|on) search|paid search)\b/i;
  const social = /\b(?:meta|facebook|instagram|linkedin|tiktok)\b/i;
  return search.test(text) && social.test(text) && /\b(?:google|bing|search ads|search)\s+and\s+(?:on\s+|in\s+)?(?:meta|facebook|instagram|linkedin|tiktok)\b|\b(?:meta|facebook|instagram|linkedin|tiktok)\s+and\s+(?:on\s+|in\s+)?(?:google|bing|search)\b/i.test(text);
}

/** "Auf der Website und in den Google Ads", "on the site and in Google Ads": one action on the site and the ads. */
export function siteAndAds(text: string): boolean {
  return /\b(?:site|website|webseite|homepage)\s+(?:and|und|et|y)\s+(?:in\s+|on\s+|en\s+)?(?:the\s+|den\s+|les\s+)?(?:google ads|google-anzeigen|search ads)\b/i.test(text) ||
    /\b(?:google ads|google-anzeigen)\s+(?:and|und|et|y)\s+(?:on\s+|auf\s+)?(?:the\s+|der\s+)?(?:site|website|webseite)\b/i.test(text);
}

const PROPERTIES: Array<[Channel, RegExp]> = [
  ['web', /\b(?:site|website|web ?site|homepage|home page|landing pages?|booking page|webseite)\b/i],
  ['seo', /\b(?:google listing|fiche google|google business profile|business profile|google profile|google-profil|gbp|google maps|yelp|apple maps)\b/i],
  ['crm', /\b(?:booking|confirmation|reminder|automated|transactional|receipt|follow-up|welcome|order)\s+(?:confirmation\s+)?(?:e-?mails?|texts?|sms|messages?)\b/i],
  ['email_marketing', /\b(?:newsletters?|e-?mail (?:campaign|blast|newsletter)s?)\b/i],
  ['social', /\b(?:facebook|instagram|linkedin|tiktok) (?:page|bio|profile|posts?)\b/i],
];

/**
 * "The website and the booking confirmation email both still say Pier 4": one fix on two customer-facing
 * properties is two asks. The channels of the properties one sentence coordinates, or null.
 */
export function coordinatedProperties(text: string): Channel[] | null {
  for (const sentence of text.split(/(?<=[.!?])\s+/)) {
    if (!/\b(?:and|both|as well as|plus|und|et|y)\b|&/i.test(sentence)) continue;
    const found = PROPERTIES.filter(([, re]) => re.test(sentence)).map(([c]) => c);
    if (found.length === 2) return found;
  }
  return null;
}

export function twoProperties(text: string): boolean {
  const web = /\b(site|website|web ?site|homepage)\b/i;
  const listing = /\b(google listing|fiche google|google business profile|business profile|google profile|google-profil|gbp|google maps)\b/i;
  return web.test(text) && listing.test(text) && /\b(and|et|y|und)\b/i.test(text);
}

const ACCOUNT_PAIR = /\b(?:both\s+)?(?:the\s+|our\s+)?([\w+-]+(?:\s+[\w+-]+)?)\s+(?:and|&)\s+(?:the\s+|our\s+)?([\w+-]+(?:\s+[\w+-]+)?)\s+(?:accounts?|logins?|profiles?|propert(?:y|ies)|dashboards?|containers?)\b/i;

/**
 * "Add Maria as an admin on the Google Ads and Analytics accounts": one access change on two platforms
 * is two asks. The channels of the two accounts named, or null.
 */
export function twoAccounts(text: string, platform: Channel): Channel[] | null {
  if (!/\b(?:access|admin|administrator|log-?ins?|user|invite|permissions?|owner|editor|manager)\b/i.test(text)) return null;
  const m = text.match(ACCOUNT_PAIR);
  if (!m) return null;
  const a = classifyChannel(m[1]!, platform);
  const b = classifyChannel(m[2]!, platform);
  return a !== b && a !== 'general' && b !== 'general' ? [a, b] : null;
}
