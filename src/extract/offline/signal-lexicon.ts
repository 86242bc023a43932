// Word classes for relationship signals, composed so that a signal is found in any word order
// ("an agency review", "review our agencies", "put the account out to tender") and with any
// intensifier in between, rather than as fixed phrases.

/** Up to `n` words of any kind between two parts of a pattern. */
const GAP = (n: number) => `(?:[\\w'’-]+\\s+){0,${n}}`;

const VENDOR = '(?:agency|agencies|vendors?|suppliers?|marketing partners?|partners|providers?|incumbent|relationship|partnership|working together)';
const REVIEW_NOUN = '(?:review|search|pitch|evaluation|re-?evaluation|assessment|reassessment|selection|tender|rfp|rfq|re-?bid|re-?tender|beauty parade)';
const RECONSIDER = '(?:re-?view\\w*|re-?evaluat\\w*|reassess\\w*|reconsider\\w*|rethink\\w*|re-?think\\w*|evaluat\\w*|question\\w*|revisit\\w*)';

/** Threats to end or re-bid the relationship: high churn. */
export const CHURN_HIGH = new RegExp([
  // noun order: "a formal agency review", "vendor search", "partner evaluation"
  `\\b(?:agency|vendor|supplier|partner|marketing)\\s+${GAP(1)}${REVIEW_NOUN}\\b`,
  // verb order: "review all of our agencies", "reassessing whether we continue the relationship"
  `\\b${RECONSIDER}\\s+${GAP(4)}${VENDOR}\\b`,
  `\\b${RECONSIDER}\\s+(?:whether|if)\\s+(?:we|to|this|you|it)\\b`,
  // a decision-maker reviewing what the agency costs: "our board is reviewing all marketing spend"
  `\\b(?:board|leadership|owners?|cfo|ceo|finance|management|head office|investors?|partners)\\s+(?:is|are|will be|has been|have been|wants? to|plans? to)\\s+(?:re-?view\\w*|re-?evaluat\\w*|reassess\\w*|question\\w*|scrutini[sz]\\w*|audit\\w*|look(?:ing)? (?:hard )?at)\\s+${GAP(2)}(?:marketing |agency |ad )?(?:spend|spending|budgets?|costs?|retainers?|agencies|vendors)\\b`,
  // "a review of all vendor budgets", "the board ordered an audit of our agencies"
  '\\b(?:review|audit|re-?evaluation|reassessment|assessment)\\s+of\\s+(?:all\\s+)?(?:our\\s+|the\\s+)?(?:outside\\s+|external\\s+|marketing\\s+)?(?:vendors?|agenc(?:y|ies)|suppliers?|contractors|vendor (?:spend|budgets?|contracts?|relationships?)|agency (?:spend|fees|contracts?))\\b',
  `\\b(?:board|leadership|cfo|ceo|owners?|finance|procurement)\\s+(?:has\\s+|have\\s+)?(?:approved|ordered|mandated|asked for|requested|requires?|wants?|launched|started|kicked off)\\s+(?:a\\s+|an\\s+)?(?:full\\s+|formal\\s+)?(?:review|audit|re-?evaluation)\\s+of\\s+${GAP(2)}(?:vendors?|agenc(?:y|ies)|suppliers?|marketing|spend|budgets?|contracts?)\\b`,
  // tenders and pitches in any form
  `\\b(?:out to|go(?:ing)? to|put (?:it|this|the account|the work) out to)\\s+(?:tender|bid|pitch)\\b`,
  '\\b(?:re-?bid\\w*|re-?tender\\w*|re-?pitch\\w*|rfps?|request for proposals?)\\b',
  `\\b(?:pitch(?:es|ing)?|talk(?:ing|ed)? (?:to|with)|meet(?:ing)? (?:with)?|speak(?:ing)? (?:to|with)|proposals? from|quotes? from|bids? from|interview\\w*|invit\\w+)\\s+${GAP(3)}(?:other|new|different|competing|rival|a few|several|some|two|three|four) ${GAP(1)}agenc(?:y|ies)\\b`,
  '\\blook(?:ing)? (?:at|for|into|around for) (?:other|another|a new|different) agenc(?:y|ies)\\b',
  // weighing alternatives, or opening the account to review: "see other options before we renew"
  '\\b(?:see|seeing|look(?:ing)? at|explor\\w*|consider\\w*|weigh\\w*|compar\\w*)\\s+(?:other|alternative|different|some other)\\s+(?:options|alternatives|agencies|providers|vendors|partners)\\b',
  '\\b(?:put|putting|puts|place|placing)\\s+(?:the|our|this|your)\\s+(?:account|business|contract|retainer|work)\\s+(?:up\\s+)?(?:for|under|out to)\\s+(?:review|tender|bid|grabs)\\b',
  // ending it
  `\\b(?:not|won['’]t|will not|don['’]t plan to|unlikely to) (?:be )?renew\\w*`,
  `\\b(?:contract|retainer|agreement)\\s+${GAP(2)}(?:ends?|expires?|is up|runs out|lapses?|comes? up)\\b`,
  '\\blet (?:the|our) (?:contract|retainer|agreement) (?:lapse|expire|run out)\\b',
  `\\b(?:cancel\\w*|terminat\\w*|end(?:ing)?|exit\\w*|wind(?:ing)? down)\\s+(?:the|our|this)\\s+${GAP(1)}(?:contract|retainer|agreement|relationship|engagement|partnership)\\b`,
  '\\b(?:give|giving|serve|serving) (?:you )?(?:our |formal )?notice\\b|\\bnotice period\\b|\\bpart ways\\b|\\bpull the plug\\b',
  '\\b(?:take|taking|move|moving) (?:our|the|this) (?:business|account|work) (?:elsewhere|to another)\\b|\\b(?:go|look|going|looking) elsewhere\\b',
  '\\b(?:find|finding|hire|hiring) (?:someone else|another agency|a new agency|a different agency)\\b|\\bshop(?:ping)? around\\b',
  '\\b(?:thinking about|considering) (?:leaving|switching|moving (?:to|on))\\b|\\bswitch(?:ing)? agencies\\b',
].join('|'), 'i');

/** Budget cuts, freezes and pauses of all marketing: medium churn. */
export const CHURN_BUDGET = new RegExp([
  `\\b(?:budgets?|spend|spending|retainer|marketing)\\s+${GAP(3)}(?:cuts?|cutting|frozen|freeze|freezing|slashed|halved|reduced|pulled|paused|on hold|being cut|getting cut|under review)\\b`,
  `\\b(?:cut|cutting|slash\\w*|halv\\w*|trim\\w*|freez\\w*|reduc\\w*)\\s+(?:back\\s+)?(?:on\\s+)?${GAP(2)}(?:marketing )?(?:budgets?|spend|spending|retainer)\\b`,
  '\\b(?:budget|spending|spend|marketing) freeze\\b',
  `\\bpaus\\w*\\s+(?:all|everything|every)\\s+${GAP(3)}(?:marketing|advertising|ads|campaigns|spend)\\b`,
  '\\b(?:pull|pulling) back on (?:spend|ads|advertising|marketing)\\b',
  '\\bquestion\\w* (?:the |what )?value\\b|\\b(?:not|aren[\'’]t|isn[\'’]t) (?:getting|seeing) (?:the |enough |much |any )?value\\b|\\b(?:is|are) (?:it|you|this) (?:really )?worth (?:it|the (?:money|fee|retainer|cost))\\b',
  '\\b(?:cut|cutting|scale|scaling) back\\b(?! on (?:the )?(?:hours|posts|posting|frequency|emails))',
  '\\bjustify (?:every|each|the|our|this) (?:marketing |ad |agency )?(?:dollar|pound|euro|penny|cent|spend|budget|cost|fee|retainer)s?\\b',
].join('|'), 'i');

const INTENS = '(?:really |very |so |so very |extremely |pretty |quite |incredibly |honestly |frankly |just |completely |absolutely |more than a (?:little|bit) |a (?:little|bit) )*';

/** Explicit displeasure with the agency; intensifiers allowed in front of every word. */
export const DISPLEASURE = new RegExp(`\\b(?:${INTENS}(?:fed up|not happy|unhappy|annoyed|upset|not impressed|unimpressed|ridiculous|embarrass\\w*|let down|angry|livid|disappoint\\w*|dissatisf\\w*|unacceptable|not acceptable|furious|frustrat(?:ed|ing)|exasperat\\w*|sick (?:and tired )?of|tired of|had enough|losing patience|out of patience|appall\\w*|shocked)|not (?:thrilled|pleased|satisfied|impressed|happy|good enough|acceptable|okay|ok)|can['’]t happen again|(?:déçue?s?|pas contente?s?|verärgert|enttäuscht))\\b`, 'i');

/** Having to repeat oneself: "tired of chasing", "how many times", "third time I've asked". */
export const REPEATED_ASKING = /\b(?:(?:this is|that['’]s|it['’]s|that is|it is) (?:now )?the (?:second|third|fourth|fifth|nth) time|(?:keep|kept|have to keep|having to|had to) (?:chasing|asking|reminding|following up|nudging|pushing)|(?:have|having|had) to (?:keep )?(?:chase|remind|nudge|badger|hound) (?:you|your team|every|each|all|for)|chasing (?:this|you|it|them|again)|how many times|yet again|(?:second|third|fourth|fifth) time (?:I|we)['’]?(?:ve| have)? (?:asked|raised|mentioned|flagged|chased)|(?:not|isn['’]t) the first time|dropped the ball|radio silence|(?:no one|nobody) (?:has )?(?:got(?:ten)? back|replied|responded|answered))\b/i;

/** A past ask the agency has not acted on: "I asked you to change it then", "we flagged this in March". */
export const UNACTED_ASK = /\b(?:I|we)(?:['’]ve| have)?\s+(?:already\s+)?(?:asked|told|reminded|requested|flagged|raised|mentioned)\b[^.!?]{0,60}?\b(?:then|ago|already|twice|three times|last (?:week|month|time)|in (?:jan\w*|feb\w*|march|april|may|june|july|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)|back in|weeks|months)\b|\b(?:should|was supposed to) have been (?:done|live|fixed|changed|updated|sent|finished|launched)\b|\b(?:you|your team)(?:['’]d| had)? (?:promised|said|told (?:us|me)|committed to)\b[^.!?]{0,80}\b(?:still|yet|never|haven['’]t|hasn['’]t|have not|has not|nothing|not (?:seen|received|live|done))\b/i;

/** Payment held or refused until a dispute is settled. */
export const PAYMENT_HELD = /\b(?:won['’]t|will not|not going to|can['’]t|cannot|refuse to|not)\s+(?:\w+\s+){0,2}(?:payments?|invoices?)\b[^.!?]{0,50}\buntil\b|\b(?:hold(?:ing)?|put(?:ting)?|pause|pausing|freez\w*|stop(?:ping)?)\s+(?:off\s+)?(?:on\s+)?(?:the\s+|any\s+|all\s+|our\s+|this\s+|that\s+)?(?:payments?|invoices?|remittance)\b(?:\s+on hold)?|\b(?:payments?|invoices?)\s+(?:is |are |will be |stays? |remains? )?on hold\b|\bwithhold\w*|\b(?:won['’]t|will not|not going to|can['’]t|cannot|refuse to) (?:be )?(?:pay|paying|process|approve)\w*\b|\bnot paying\b/i;

/** Two charges for one thing on a bill. */
export const DOUBLE_BILLED = /\b(?:invoices?|bills?|statements?)\b[^.!?]{0,80}\b(?:twice|two times|double|duplicate\w*)\b|\b(?:billed|charged|invoiced)\s+(?:us\s+)?(?:twice|two times|double)\b|\bdouble[- ](?:charged|billed)\b|\bduplicate (?:charges?|fees?|lines?|entr\w+)\b/i;

const UNITS = '(?:locations?|communities|stores?|shops?|sites|branches|clinics|offices|properties|buildings|markets|regions|brands|franchises|studios|gyms|restaurants|practices|venues|hotels|cities|states|countries)';
/** More of the client's business brought to the agency: "all 14 communities, not just the 6 you do". */
export const MORE_OF_THE_BUSINESS = new RegExp(`\\bnot just (?:the |our )?(?:\\d+|one|two|three|four|five|six)\\b|\\ball (?:of )?(?:our |the )?(?:\\d+|[a-z]+) ${UNITS}\\b[^.!?]{0,40}\\b(?:not just|instead of only|rather than)\\b|\\b(?:the )?(?:rest of (?:our|the)|remaining|other) (?:\\d+ )?${UNITS}\\b[^.!?]{0,40}\\b(?:too|as well|also)\\b`, 'i');

/** Words that put reputation or legal exposure on the table: an ask next to them escalates. */
export const LEGAL_OR_REPUTATION = /\b(?:lawsuit|sue|suing|legal action|lawyers?|attorneys?|solicitors?|regulators?|regulations?|regulatory|trading standards|ftc|gdpr|hipaa|ccpa|liab(?:le|ility)|bad press|journalists?|going viral|reputation(?:al)?|compliance|non-?compliant|violat(?:e|es|ed|ing|ion|ions)|breach(?:es|ed|ing)?|illegal|unlawful|misleading|(?:bar|ethics|advertising|industry) (?:rules|board|code|counsel)|licen[sc]e|privileged|confidential\w*|privacy|(?:personal|private|patient|health|medical|client|customer|card) (?:data|details|information|info|records)|disclos(?:e|es|ed|ing|ure)|fined|fines|penalt(?:y|ies))\b/i;

/** The same without the words that name people or the press: exposure said in the sentences around an ask. */
export const LEGAL_EXPOSURE = new RegExp(LEGAL_OR_REPUTATION.source.replace('lawsuit|sue|suing|legal action|lawyers?|attorneys?|solicitors?|', 'lawsuit|suing|legal action|'), 'i');

/** Money leaving right now for nothing: "burning budget every single day", "paying for clicks to a closed shop", "overspent". */
export const MONEY_BURNING = /\b(?:burn(?:ing|s|ed|t)? (?:through )?(?:the |our )?(?:budget|money|cash|spend)|wast(?:ing|ed|es|e) (?:the |our )?(?:money|budget|spend|ad spend)|throwing (?:money|budget) (?:away|at)|paying for (?:clicks|ads|traffic|impressions|leads|calls) (?:to|for|on|that)|money we (?:don['’]t|do not) have|over-?spen(?:t|d|ding)|over (?:the |our )?(?:daily |monthly )?(?:cap|budget|limit)|(?:blew|blown|blowing|went) (?:through|past|over) (?:the |our )?(?:daily |monthly )?(?:budget|cap|limit)|every (?:single )?(?:day|hour|night|minute) (?:it|this|that)(?:['’]s| is)? (?:live|running|runs|on|up|down|broken)|paying (?:for [\w-]+ )?to send|(?:send|sending|driving|pushing) (?:paid )?(?:traffic|clicks|visitors|applicants|candidates|people|customers|shoppers) (?:straight )?(?:to|into) (?:a|an|the|that) (?:broken|dead|error|wrong|closed|empty|blank)|(?:costs?|costing) us (?:money|covers|sales|bookings|orders|leads|customers|patients|clients|\$))/i;

/** Displeasure voiced about customers' feelings ("people are getting annoyed at the counter") is not about the agency. */
export const OTHERS_FEEL = /\b(?:customers?|people|patients?|guests?|visitors?|users?|shoppers?|families|buyers?|members?|they|staff|callers?)\s+(?:are|were|get|got|getting|seem|seemed|have been|keep getting)\s+(?:\w+\s+)?$/i;

/** Displeasure or a charge that happened to customers ("everyone who was double-charged") is not about the agency. */
export const OTHERS_BILLED = /\b(?:customers?|people|everyone|anyone|someone|guests?|patients?|members?|who|they)\s+(?:was|were|got|have been|has been|being|are being)\s+$/i;

/** More business: a new unit acquired or opened, an approved expansion, or a conditional wish to bring the agency in. */
const UNIT = '(?:locations?|communit(?:y|ies)|propert(?:y|ies)|campus(?:es)?|cent(?:er|re)s?|schools?|spas?|inns?|taprooms?|stores?|shops?|clinics?|offices?|branch(?:es)?|restaurants?|studios?|warehouses?|facilit(?:y|ies)|gyms?|salons?|practices?|venues?|hotels?|sites?|buildings?|markets?|brands?|divisions?)';
export const NEW_UNIT = new RegExp(`\\b(?:signed|signing|sign) (?:the |a )?lease\\b|\\b(?:add|adding|open|opening|launch\\w*|acquir\\w*|bought|buying|build\\w*|sign\\w*)\\s+(?:the|a|our|another)\\s+(?:new|second|third|fourth|fifth)\\s+(?:[A-Z][\\w-]+\\s+){0,2}${UNIT}\\b|\\b(?:a|our|another) (?:second|third|fourth|fifth) ${UNIT}\\b|\\b(?:adding|add|opening|open|taking on|acquir\\w*|bought|signed|launching)\\s+(?:two|three|four|five|six|\\d+|several)\\s+(?:(?:more|new|additional)\\s+)+${UNIT}\\b`, 'i');
export const APPROVED_EXPANSION = /\b(?:approved|signed off on|green-?lit|greenlit)\s+(?:our|the|a)\s+(?:new\s+)?(?:[\w-]+\s+){0,2}(?:outlet|dealership|showroom|location|store|clinic|office|branch|site|franchise|campus|facility|warehouse)\b|\b(?:approved|signed off on|green-?lit|greenlit|given the go-ahead (?:for|to))\b[^.!?]{0,40}\b(?:expansion|new (?:location|site|market|facility|division|brand)|launch|opening)\b|\bexpansion (?:is|was|has been|got) (?:approved|signed off|green-?lit)\b|\b(?:approved|signed off on|green-?lit)\s+(?:an?\s+)?(?:extra|additional|increased|bigger|higher|incremental)\s+(?:[\w$,.-]+\s+){0,3}(?:a|per|each)\s+(?:month|week|quarter|year)\b/i;

/** "That shouldn't end up on our invoice", "I don't think we should be paying for a budget we never approved": a disputed charge. */
export const DISPUTED_CHARGE = /\b(?:shouldn['’]t|should not|don['’]t think (?:we|I) should|not (?:going|willing) to|refuse to)\s+(?:be\s+)?(?:(?:end up|go|appear|show up|be)\s+)?(?:on (?:our|the|this|that|next \w+['’]s|any) (?:invoice|bill|statement)|pay(?:ing)? for|(?:be\s+)?(?:charged|billed|invoiced) for)\b/i;

/** "Our accountant keeps saying we should cut the budget, but I told him absolutely not": a suggestion the client rejects. */
export const REJECTED_SUGGESTION = /\b(?:keeps? (?:telling|saying|suggesting|pushing)|suggested|wants? (?:us|me) to|thinks? we should)\b[^.!?]*\bbut (?:I|we)\b[^.!?]{0,30}\b(?:no|not|never|won['’]t|disagree\w*|refused?)\b/i;

/** "If we ever open a fourth clinic, and that's a big if": a hypothetical, not an opportunity. */
export const HYPOTHETICAL = /^(?:(?:and|but|so|also|oh)[,]?\s+)*if (?:we|I|the \w+|they) ever\b[^.!?]*\b(?:big if|years (?:away|off)|if (?:it|that) ever happens|not (?:for )?this year|way off|long way off)\b|\b(?:a big if|that['’]s years (?:away|off))\b/i;
export const CONDITIONAL_WISH = /\b(?:we['’]d|we would) (?:want|like|love) (?:you|your team) (?:on|for|to (?:take|handle|run|manage|do|cover))\b/i;

/** Judging the work harshly ("the last report was useless"): displeasure only when the work or the agency is the target. */
export const HARSH_VERDICT = /\b(?:you|your|the|this|that|last|latest)\s+(?:[\w-]+\s+){0,2}(?:report|reports|ads?|site|website|work|campaign|results|service|copy|design|page|posts?|email|newsletter|team|agency|job|update|communication)\b[^.!?]{0,30}\b(?:was|were|is|are|has been|have been|looks?|looked)\s+(?:\w+\s+)?(?:useless|terrible|awful|appalling|sloppy|careless|unprofessional|amateur\w*|(?:a|an absolute|a complete) (?:mess|joke|shambles|disaster)|subpar|below par|poor)\b/i;
