import type { Channel } from '../../domain/schemas.js';

// Topic lexicons: general marketing-agency vocabulary, not the words of any one case.

/** Checked in order: the first channel whose words occur in the request (or its context) wins. */
export const CHANNEL_LEXICON: Array<[Channel, RegExp]> = [
  // A data question across channels ("how much pipeline search and LinkedIn produced", "blended cost per demo") is analytics.
  ['analytics', /\b(?:blended|cost per (?!click)[a-z-]+|how much (?:pipeline|revenue|money|business|sales)\b[^.?!]{0,80}\b(?:produced|generated|brought in|drove|delivered|made)|(?:pipeline|revenue|roas|roi|leads|sales) (?:by|per|from) (?:channel|campaign|source|platform))\b/i],
  // Where the broken thing lives decides first: a checkout, a form or a widget on the site is web work even when money is mentioned
  // (classifyChannel skips this row when ads are named: then the ad is what is wrong).
  ['web', /\b(?:checkout|shopping cart|cart page|payment (?:page|form)|booking (?:form|page|widget)|(?:widget|plugin|pop-?up|form|button)\b[^.?!]{0,40}\bon (?:the|our) (?:home ?page|website|site))\b/i],
  ['billing', /\b(invoices?|factures?|facturas?|rechnungs?|fee|fees|charged?|charges|refunds?|overcharg\w*|(?<!(?:plus|and|or|&|organic) )paid(?! (?:media|ads?|search|social|campaigns?|channels?|placements?|posts?))|payments?|paying|billing|retainer|(?:billed|billable|extra|unapproved) hours|hours (?:billed|invoiced|charged)|purchase orders?|money back|(?:covers?|pays? for|eats?) (?:that|the) (?:loss|cost|difference)|(?:card|bank) statements?|credit)\b/i],
  ['email_marketing', /\b((?:get|send) an? e-?mail out|e-?mail (?:out )?to (?:our|the) [\w ]{0,20}list|(?:patient|customer|client|member|mailing|subscriber)s? list|e-?mail (side|program|campaign|series|list|blast|newsletter)|newsletters?|welcome series|correction e-?mail|mailchimp|klaviyo|constant contact|e-?blasts?|subject lines?|unsubscrib\w*|promo(?:tional)? e-?mails?|(to|on) the (full|whole|email) list|email marketing|courriel)\b/i],
  ['social', /\b((?<!blog )posts? (?:scheduled|series)|schedul\w+ (?:the |our )?(?:\w+ )?posts|meta(?! (?:descriptions?|titles?|tags?))|facebook|instagram|linkedin|tiktok|twitter|pinterest|youtube|social|business manager|ads manager|advantage\+|reels?|stories|boost(?:ed|ing|s)?|nextdoor|snapchat|influencers?|followers|hashtags?|carousel)\b/i],
  ['seo', /\b((?:reply|replies|respond|response) to (?:the|a|this|that|our) (?:google )?reviews?|(?:hours|address|phone number|opening times|photos) (?:on|in) google|local search|local seo|perfil de google|ficha de google|google-profil|unternehmensprofil|google reviews?|reviews on google|yelp|bing places|apple maps|citations?|directory listings?|google business profile|business profile|gbp|google listing|listing|fiche google|maps|organic|seo|location pages?|meta (?:descriptions?|titles?|tags?)|title tags?|backlinks?|sitemap|search console|index(?:ed|ing)|schema markup|map pack|page (one|two|three|1|2|3) of google|on page (one|1)|rank\w*|search results)\b/i],
  ['google_ads', /\b(google ad|(?:search|shopping|display|pmax) campaigns?|anuncios de google|google-anzeigen|google ads|adwords|search ads|shopping|local services ads?|lsa|ppc|paid search|annonces google|ad copy|ad groups?|keywords?|cpc|performance max|pmax|merchant center|product feed|microsoft ads|bing ads|sponsored (?:results?|listings?)|bids?|bidding|impression share|quality score)\b/i],
  ['content', /\b((?:write|writing|wrote)\s+(?:[\w-]+\s+){0,3}(?:pages?|posts?|articles?|blogs?|guides?)|comparison pages?|(?:\w+ )?posts? (?:a|per|each) (?:month|week)|blog\w*|articles?|artículos?|beitr[aä]g\w*|article de blogue|copywriting|case stud(y|ies)|white ?papers?|posts? on (our|the) blog|content|e-?books?|guides?|press releases?|video scripts?|scripts?|(?:web|page|product) copy|rewrite|rewording|copy)\b/i],
  ['crm', /\b(crm|sms|text messages?|hubspot|salesforce|highlevel|gohighlevel|zoho|pipedrive|podium|birdeye|lead routing|auto-?responders?|pipelines?|review (texts?|requests?)|automations?|follow-up texts?|drip)\b/i],
  ['analytics', /\b(one-pager|(?:one-page |short |quick )?summary of what|what we (?:got|get) for (?:the|our) money|reports?|rapport|informes?|bericht\w*|dashboards?|analytics|ga4|looker|data studio|roas|cpa|ctr|roi|attribution|pixel|call tracking|kpis?|metrics|stats|how many|results since|summary of (?:the )?results|numbers|data|tracking|breakdown|break out|comparison|recordings?|cost per lead|conversions?|leads came|list of (everyone|all|every)|broken (?:out|down) by)\b/i],
  ['web', /\b(website|web ?site|sitio web|webseite|página|seite|site|homepage|home page|landing pages?|pages?|forms?|buttons?|banner|announcement bar|captcha|spam|checkout|store|shopify|link|url|menu|footer|header|wordpress|squarespace|wix|webflow|woocommerce|plugin|pop-?ups?|domain|ssl|hosting|dns|404|broken links?|favicon|chat widget|site speed|load(?:s|ing)? (?:slow|time))\b/i],
];

/** A generic "ads" or "campaign" goes to the ad platform the source talks about most. */
export const SOCIAL_PLATFORM = /\b(meta|facebook|instagram|linkedin|tiktok)\b/gi;
export const SEARCH_PLATFORM = /\b(google ads|google shopping|shopping|local services|lsa|search ads|google)\b/gi;
export const GENERIC_ADS = /\b(ads?|campaigns?|promo|promotion|(?<!with an? )budget|annonces)\b/i;

/** Requests that need a specialist or real work rather than a five-minute change. */
export const COMPLEX_CUES = /\b(take over|(?:a|an|new) (?:new )?location page|taking over|money back|refunds?|credit (?:us|it|that|the|back)|taken off (?:the |our |this |that |next \w+['’]s )?(?:invoice|bill)|(?:in|on) (?:search|google|instagram|facebook|meta|tiktok|linkedin) and (?:in |on )?(?:search|google|instagram|facebook|meta|tiktok|linkedin)|draft|redone|redo(?:ne)? (?:all|every)|(?:start|launch|run|try|set up|begin|kick off|create) (?:a|an|some) (?:[\w-]+ ){0,3}(?:campaign|newsletter|series|program|programme|podcast|channel)s?|(?:what|how much) (?:would|will|does|did) (?:it|that|this) cost|cost to|knock (?:out|up)|whip up|throw together|mock(?: |-)?up|new (?:[\w-]+ )?(?:boards?|menus?|flyers?|brochures?|signage|banners?|videos?|graphics|creatives?|logos?|sections?|landing pages?|microsites?)|proposals?|quotes?|quote (that|it|this)|plan|strategy|write|blog|article|posts?|landing pages?|page (one|1)|rank\w*|translat\w*|tradui\w*|set (it )?up so|automatically|build|design|create|comparison|break out|breakdown|list of (everyone|all|every)|(cost|price) difference|compare (the )?costs|who covers|cut|run the|each location|every location|all (\w+ )?locations|launch|go ahead with|captcha|spam filter\w*|scope|audit|redesign|new campaign|angebot|presupuesto|devis|summary of (?:the )?results|set up (?:our |the |a |an |some )?(?:[\w-]+ ){0,5}(?:flows?|automations?|sequences?|integrations?|tracking)|(?:events?|conversions?|goals?) (?:into|in|to) (?:ga4|google analytics|analytics|the dashboard)|(?:new|get|build|launch) (?:the |a |our )?(?:[A-Z]?[\w-]+ )?(?:location|service|city|area) pages? (?:live|up|built|launched|published))\b/i;

/** Words that are capitalised but are not people (products, places in UI, months, days...). */
export const NOT_A_NAME = new Set([
  'i', 'the', 'a', 'an', 'and', 'or', 'but', 'so', 'if', 'we', 'you', 'he', 'she', 'they', 'it', 'our', 'my', 'your', 'this', 'that',
  'google', 'meta', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'shopify', 'slack', 'business', 'manager', 'ads', 'ad',
  'profile', 'crm', 'seo', 'lsa', 'local', 'services', 'search', 'shopping', 'analytics', 'monday', 'tuesday', 'wednesday', 'thursday',
  'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'ceo', 'cto', 'cfo', 'coo', 'hi', 'hello', 'thanks', 'okay', 'ok', 'yes', 'no', 'also', 'then', 'now', 'just',
  'actually', 'sure', 'great', 'fine', 'good', 'perfect', 'fair', 'well', 'oh', 'sorry', 'morning', 'one', 'two', 'last', 'next',
  'content', 'team', 'web', 'email', 'mother', 'day', 'q1', 'q2', 'q3', 'q4', 'noted', 'understood', 'absolutely', 'will', 'do',
  'can', 'could', 'would', 'should', 'please', 'what', 'how', 'when', 'where', 'which', 'who', 'why', 'there', 'here', 'let', 'once',
  'bonjour', 'merci', 'de', 'le', 'la', 'les', 'nous', 'je', 'pour', 'vous', 'nos', 'notre', 'mon', 'ma', 'street', 'avenue', 'road',
]);

/** Role words that introduce a person ("our designer, Theo", "my nephew Eli", "Wen, our CTO"). */
export const ROLE_WORDS = /\b(designer|developer|dev|nephew|niece|son|daughter|wife|husband|brother|sister|partner|cto|ceo|cfo|coo|owner|lead|manager|assistant|bookkeeper|accountant|photographer|contractor|agency|vendor|guy|person|colleague|coworker|intern|director|head|specialist|strategist|writer|editor|hygienist|admin|it person)\b/i;
