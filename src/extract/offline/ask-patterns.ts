import { RETRACTION } from './retractions.js';

// How clients ask: modal asks, "please" and bare imperatives, wants and needs, information questions,
// reports that something customers see is wrong, and ultimatums. English and French phrasings.

export type AskKind = 'modal' | 'imperative' | 'want' | 'question' | 'ultimatum';

export const MODAL_ASK = /\b(?:can|could)\s+(?:the|our|my|this|that|it|these|those)\b\s*(?:[\w'’-]+\s+){0,3}(?:go (?:live|up|out)|be (?:live|up|ready|fixed|updated|changed|moved|added|removed|sent|done|published|corrected|swapped|paused|switched))\b|\b(?:can|could|would|will)\s+(?:you|someone|your team)\s+be\s+able\s+to\b|\b(?:can|could|would|will)\s+(?:you|someone|somebody|anyone|your team|y'all)\b(?!\s+(?:both\s+|all\s+)?(?:hear|believe|imagine|guess|see me|like|be\b))|\b(?:pouvez|pourriez|pourrais|peux)-(?:vous|tu)\b|\b(?:can|could)\s+we\s+(?:get|have|add|switch|change|update|pause|try|run|set up|start|stop|turn|swap|remove|see)\b|\b(?:is it|would it be) possible (?:to|for you)\b|\bany chance (?:you|we|someone)\b|\bif you could\b|\b(?:can|could|may) I (?:get|have|see)\b|\bwould you mind\b|\bmerci de\b|\best-ce que vous pouvez\b|\b(?:podr[ií]an?|pueden|puede usted)\s+(?:ustedes?\s+)?\w+(?:ar|er|ir)\b|\b(?:können|könnten|könnt)\s+(?:sie|ihr)\b|\b(?:can['’]t|couldn['’]t)\s+you\b|\bis there (?:any )?(?:way|chance) (?:to|you|we|for)\b|\b(?:can|could)\s+(?:the|our|my)\s+(?:[\w-]+\s+){0,3}(?:show|include|list|display|say|point|have)\b/i;
/** German "bitte" marks an ask wherever it stands ("Die Aktion bitte bis Freitag online stellen"); the noun "Bitte" does not. */
export const GERMAN_PLEASE = /(?:^|[\s,])bitte\b|^Bitte\b/;

export const VERBS = 'make|add|update|change|fix|remove|take|send|resend|pull|set up|switch|pause|unpause|raise|lower|increase|decrease|reduce|move|turn (?:off|on)|swap|put|turn|make sure|create|build|write|post|launch|start|stop|correct|replace|point|check|double-check|look into|get|run|schedule|cancel|delete|upload|publish|share|email|review|include|exclude|bump|boost|extend|drop|go ahead|proceed|translate|redirect|block|add in|tell me|let me know|confirm|book|have|sort|sort out|handle|give|show|list|hide|disable|enable|refresh|rework|redo|revert|roll back|restore|reply to|respond to|call|ring|ping|flag|pin|attach|export|forward|set|arrange|order|draft|prepare|put together|find|dig out|loop in|adjust|tweak|edit|rewrite|rename|resize|reinstate|cap|limit|target|clean up|tidy up|tighten|swap out|plug in|hook up|sync|connect|install|embed|verify|audit|investigate|ask|chase|contact|reach out to|follow up|use';
export const IMPERATIVE_START = new RegExp(`^(?:(?:and|also|so|then|now|but|oh|ok|okay|yes|just|please|pls)[,]?\\s+)*(?:[A-Z][a-z]+,\\s+)?(?:please\\s+|let['’]s\\s+|don['’]t forget to\\s+|remember to\\s+)?(?:${VERBS})\\b`, 'i');
export const PLEASE_VERB = new RegExp(`\\b(?:please|kindly)\\s+(?:just\\s+|also\\s+|do\\s+)?(?:${VERBS})\\b|\\b(?:please|kindly)\\s+(?:just\\s+|also\\s+)?(?!note|find|see|feel|accept|excuse|forgive|bear|ignore|disregard|delete|notify|contact (?:the sender|us)|do not|don['’]t|advise|be advised|be aware|consider the environment|let me know if|reply|respond)[a-z]{3,}\\b(?=\\s+(?:the|a|an|our|my|your|it|them|this|that|these|those|both|all|me|us|him|her|\\w+ing\\b|[A-Z]))`, 'i');
/** Second-person obligation and polite requests: "I need you to", "you'll need to", "I'd appreciate it if you". */
export const SECOND_PERSON_ASK = /\b(?:I|we)(?:['’]m| am| was| were|['’]re| are)?\s+(?:really\s+)?hoping (?:you|someone|your team) (?:could|can|would|might|will)\b|\b(?:I|we)(?:['’]m| am| was| were|['’]re| are)?\s+(?:just\s+)?wonder(?:ing|ed)? (?:if|whether) (?:you|someone|your team) (?:could|can|would|might)\b|\bdo you think (?:you|someone|your team) (?:could|can)\b|(?<!\bif\s)\b(?:someone|somebody|you|your team)\s+(?:really\s+)?(?:needs|need|has|have|must) to\b(?!\s+(?:know|understand|see|hear|remember|be aware)|\s*[.!?,]?$)|\b(?:I|we)\s*(?:really\s+)?(?:need|want|['’]d like|would like|expect)\s+(?:you|your team|someone)\s+to\b|\b(?:I|we)(?:['’]d| would) (?:really )?(?:appreciate|be grateful)\b[^.?!]{0,20}\b(?:if you|you|your)\b|\b(?:can|could|may) (?:I|we) ask (?:you|that you|your team) to\b/i;

export const WANT_WORD = /\b(?:want|need|like|love)\b/i;
export const WANT = /\b(?:I|we)(?:['’]ll| will|['’]m going to| am going to|['’]re going to| are going to) (?:also |still |really |definitely |then )?(?:want|need)\b|\b(?:I|we)(?:['’]m| am|['’]re| are) (?:also|still|really|definitely) going to (?:want|need)\b|\b(?:I|we)(?:['’]d| would) (?:also|really|still|definitely|just) (?:love|like)\b|\b(?:my|our) (?:[\w-]+ )?(?:owner|boss|ceo|cfo|coo|board|manager|director|partners?|founder|president|gm|head office|leadership)s? (?:wants?|would like|needs?|asked for|has asked for)\b|\b(?:I|we)\s*(?:really\s+)?(?:want|need|would like|'d like|’d like|would love|'d love|’d love|'d need|’d need|would need)\b|\band\s+(?:would|['’]d)\s+(?:love|like)\s+(?:to|you|for)\b|\b(?:it would|it['’]d) be (?:great|nice|helpful|good) (?:to|if)\b|^(?:(?:also|and|so)[,]?\s+)?(?:need|would love|would like)\s+(?:to\s+|the\s+|a\s+|an\s+|you\s+)|\b(?:j'aimerais|j’aimerais|je voudrais|nous voulons|nous voudrions|on voudrait|il nous faut|nous aimerions|necesitamos|queremos|nos gustaría|me gustaría|quisiera|quisiéramos|wir möchten|ich möchte|wir brauchen|ich brauche|wir hätten gern)\b/i;
/** "That's what I want to talk about.", "Here's what I need.": the want has no object, the ask follows. */
const NO_OBJECT_WANT = /\bwhat (?:I|we)\s*(?:really\s+)?(?:want|need|['’]d like|would like)(?:\s+to\s+(?:talk about|discuss|cover|raise|ask|say))?\s*[.!?:]?$/i;
/** "I want you in the running", "I need to run": a want that asks nothing of the agency. */
export const NOT_AN_ASK_WANT = /\b(?:want|need|like|love)\s+(?:you\s+(?!to\b)|to\s+(?:run|go|drop|leave|hop|jump|be honest|say|thank|start|begin|kick off|wrap|flag|mention|listen|hear|see|watch|look|think|check|read|learn|compare)\b|it to be clear)|\bdon['’]t (?:want|need)\b|\b(?:'d|would) rather\b/i;

export const QUESTION = /^(?:(?:and|also|so|separately|but|oh|one more question|quick one|a quick one|first|second|third|next|finally|lastly|on another note|one more thing|another thing)[,.:]?\s+)*(?:[A-Z][a-z]+,\s+)?(?:how many|how much|how long|how soon|what(?:'s|’s| is| are| was| were| did we| does| would| will| do)|when could|who (?:is|will|can)|which (?:of|one)|when (?:will|is|are|does|do|can)|where (?:is|are|do|does)|why (?:is|are|did|does|do)|is there|are there|(?:are|is|has|have) (?:the|our|my|we)\b[^?]*\b(?:ready|live|done|fixed|finished|launched|running|approved|set up|on track|working|scheduled)\b|quel(?:le)?s? (?:est|sont)|combien|do you (?:know|have) (?:why|what|how|when|if|whether|where|the)|any idea (?:why|what|how|when)|any (?:update|news|progress) on|where are we (?:on|with)|did you (?:get a chance|have a chance|manage) to|have you (?:had a chance to|sent|fixed|updated|looked))/i;
/** A question is an ask when it is about the work ("what is the platform fee line?"), not small talk. */
const BUSINESS_TOPIC = /\b(?:go(?:ing)? (?:up|live|out)|costs?|price[sd]?|pricing|fees?|line|budget|spend|spent|paid|pay|invoices?|reports?|leads?|numbers|traffic|clicks|calls|conversions?|roi|rates?|ranking|rank|results?|data|campaigns?|ads?|pages?|sites?|websites?|landing pages?|listings?|profile|posts?|e-?mails?|status|update|progress|timeline|plan|proposal|quote|widget|form|tracking|analytics|reviews?|orders?|sales|difference|breakdown|ready|live|done|fixed|finished|launched|running|approved|set up|on track|working|scheduled|coûts?|prix|facture|rapport|frais|combien)\b/i;
const FIRST_PERSON_QUESTION = /^(?:\w+[,]?\s+)?(?:what|how) (?:do|should|can) (?:we|I)\b/i;

/** "Fix it by Friday or we'll look elsewhere": an ask whose alternative is a threat. */
export const OR_ELSE = /\b(?:or|otherwise|or else)\s*,?\s*(?:we|I)(?:['’]ll| will|['’]re going to| are going to|['’]m going to| am going to)\s+(?:have to\s+|need to\s+|be\s+)?(?:rethink|reconsider|look(?:ing)? (?:elsewhere|at other)|go(?:ing)? elsewhere|find (?:someone|another|a new)|move|pull|cancel|end|take|walk|switch|review|re-?evaluate|escalate|involve|speak to (?:our|a) lawyer)/i;
export const ULTIMATUM = /^(?:(?:and|but|so|honestly|frankly|look|listen|to be honest)[,]?\s+)*if\b[^,]*\b(?:isn['’]t|is not|aren['’]t|are not|doesn['’]t|don['’]t|not|won['’]t|can['’]t)\b[^,]*,\s*(?:we|I)(?:['’]re| are|['’]ll| will|['’]m| am)?\s+(?:going to\s+)?(?:have to\s+)?(?:rethink|reconsider|look|find|move|pull|cancel|end|review|re-?evaluate|take|walk|stop|switch|talk about)/i;

/** Hypotheticals, declined ideas and keep-as-is instructions are not asks. */
export const NOT_AN_ASK = /\b(?:have a (?:great|good|nice|lovely|wonderful|safe|happy)\b|(?:please )?find (?:the )?attached|if we ever|hypothetical(?:ly)?|just curious|no rush on that|not (?:happening|now)|leave (?:the|those|them|it|everything)\b.*\b(?:as (?:they|it) (?:are|is)|running|alone|for now)|keep (?:the|those|them|it|everything)\b.*\b(?:as (?:they|it) (?:are|is)|steady|running)|(?:can|could) (?:you )?(?:both )?hear|send (?:me|us) (?:something|anything)|let['’]s (?:start|begin|kick off|get started|move on|wrap|go over|look at|talk|chat|catch up|(?:get|dive|jump) (?:into|in|started|going))|(?:let me|let us) know if (?:you|there['’]s)|get (?:well|better|some rest|home)|take care|stop by|(?:send|pass|give) (?:my|our) (?:best|regards|love|thanks|congratulations)|pass (?:it|this|that) on|say hi|tell me about\b)/i;
/** "Go ahead.", "Sure, do it.": approving what the other side just offered adds no new ask. */
const BARE_APPROVAL = /^(?:(?:yes|yeah|yep|sure|ok(?:ay)?|fine|great|good|please)[,.!]?\s+)*(?:go ahead|go for it|do it|do that|please do|sounds good|correct|exactly|right|that['’]s right)(?:,?\s+(?:then|please|now))*[.!]?$/i;
/** "Let's get through the launch first", "let's wait and see": a deferral, not an ask. */
const DEFERRAL = /\blet['’]s (?:get through|wait|see how|hold (?:off|on)|revisit|park)\b|\b(?:here['’]s|that['’]s|this is) what (?:I|we) (?:want|need|would like|['’]d like)\b[^.!?]{0,20}[.!?:]?$/i;

/** Something customers can see is wrong or stale. */
export const STILL_WRONG = /\b(?:throw(?:s|ing)?|show(?:s|ing)?|return(?:s|ing)?|giv(?:es|ing)|hit(?:s|ting)?|get(?:s|ting)?) (?:an? |the )?(?:(?:server |internal |fatal )?error|5\d\d|404)\b|\berror (?:5\d\d|404)\b|\b(?:5\d\d|404) (?:errors?|page)\b|\b(?:crash(?:es|ed|ing)|won['’]t load|(?:is|are) not loading|(?:is|are|went) (?:offline|down)\b)|\bthere(?:['’]s| is| are) still (?:a|an|the|our|some|two|\d+) (?:[\w'’-]+ ){0,3}(?:ads?|listings?|pages?|posts?|banners?|links?|promos?|offers?|campaigns?|emails?|signs?|pop-?ups?)\b|\b(?:has|have|shows?|lists?|says?|gives?|uses?|displays?|features?)\s+(?:our|the|an?|my)\s+(?:old|previous|outdated|former|wrong|incorrect|expired|last year['’]s)\b|\bstill\s+(?:pointing|linking|listing|displaying|giving|using|running|sending|directing|advertising|quoting|offering|mentioning|featuring|shows?|says?|has|have|lists?|goes|points?|links?|displays?|showing|saying|going|gives?|giving|reads?|mentions?|states?|features?|advertis\w*|carr(?:y|ies)|uses?|using|quotes?|includes?|promises?|offers?|refers? to|directs?|sends?|redirects?)\b|\b(?:sont|est)\s+(?:faux|fausses?|erronée?s?|incorrecte?s?)\b|\b(?:is|are)\s+(?:wrong|incorrect|out of date|outdated)\b|\b(?:has|have|had) the wrong\b|\b(?:links?|buttons?|urls?|ads?)\b[^.]*\b(?:doesn['’]t|does not|don['’]t|do not) exist\b|\b(?:is|are) still (?:the )?(?:old|previous|outdated|wrong|winter|summer)\b|\bstill (?:isn['’]t|is not|hasn['’]t been|has not been|aren['’]t|are not) (?:live|up|done|ready|fixed|launched|published)\b|\b(?:typos?|misspel\w*|spelling mistakes?|broken links?)\b|\b(?:is|are)\s+(?:broken|down|not working)\b|\b(?:isn['’]t|aren['’]t|doesn['’]t|don['’]t)\s+work(?:ing)?\b/i;
/** An invoice that is wrong carries an implied ask to correct it. */
export const BILLING_ERROR = /\b(?:invoices?|bills?|billed|invoiced|charged|statements?|charges?|fees?)\b.*\b(?:twice|double[- ]?(?:charged|billed)?|duplicated?|wrong|incorrect|overcharg\w*|(?:which|that) we (?:cancel+ed|never (?:ordered|approved|agreed to))|(?:didn['’]t|did not|never) (?:order|approve|agree to))\b/i;
export const CLAIMS = /\b(?:say|says|said|show|shows|showing|displays?|lists?|went out with|advertis\w*|steht|stehen|zeigt|zeigen)\b/i;
export const CONTRADICTION = /\bbut\b|\bwrong\b|\bincorrect\b|\bold\b|\binstead of\b|\bshould (?:be|say|show)\b|\bwe (?:only|don['’]t|do not|no longer)\b|\bno longer\b|\bexpired\b|\boutdated\b|\brichtig (?:ist|sind|wäre|wären)\b|\bfalsch\b/i;
export const CORRECTION_NEXT = /^(?:it['’]s|it is|the [\w ]{1,20} is|actually it['’]s|c['’]est)\s+\S+/i;
export const PUBLIC_ASSET = /\b(?:ads?|annonces?|campaigns?|listing|fiche|page|site|website|e-?mail|banner|bar|profile|link|button|copy|feed|heures|hours)\b/i;
/** Errors customers act on (prices, codes, phone numbers, claims) need escalation, not a tweak. */
export const HOT_ERROR = /\$|€|£|\berror (?:5\d\d|404)\b|\b5\d\d\b|\b(?:server|internal|fatal) error\b|\bcrash(?:es|ed|ing)\b|\bwon['’]t load\b|\b(?:is|are|went) (?:offline|down)\b|\b(?:is|are|was|has) (?:gone|dead|expired|been removed|been taken down)\b|\bno longer (?:exists?|available|valid|running|on sale)\b|\bended\b|\b(?:doesn['’]t|does not) exist\b|\bbroken links?\b|\b404\b|\bpreis\w*|\bwrong (?:day|date|time|address|location)\b|\b\d+\s*(?:dollars|percent|%)|\b(?:price|prices|pricing|code|codes|phone|number|free shipping|discount|offer|claims?|typos?|misspel\w*|went out)\b/i;

/** "We want to hire two techs": the client's own plan. A want is an ask when its verb is work for the agency. */
const AGENCY_VERBS = /^(?:talk|discuss|know|get|have|add|make|move|switch|run|launch|change|update|go|try|test|set|review|cut|reduce|increase|raise|lower|pause|stop|turn|shift|start|fix|see|put|push|build|create|redo|refresh|rework|promote|advertise|target|rank|show|appear|be|send)$/i;
function ownPlan(text: string): boolean {
  const m = text.match(/\b(?:want|need|['’]d like|would like|['’]d love|would love)\s+to\s+([a-z]+)/i);
  if (/\b(?:that['’]s|it['’]s) on us\b|\bourselves\b|\bwe['’]ll handle\b/i.test(text)) return true;
  return !!m && !AGENCY_VERBS.test(m[1]!);
}

export function askKind(text: string): AskKind | null {
  if (NOT_AN_ASK.test(text) || RETRACTION.test(text) || BARE_APPROVAL.test(text.trim()) || DEFERRAL.test(text)) return null;
  if (ULTIMATUM.test(text) || OR_ELSE.test(text)) return 'ultimatum';
  if (/^if\b/i.test(text) && !/^if you could\b/i.test(text)) return null;
  if (MODAL_ASK.test(text) && !/\b(?:can|could|may) i ask\b/i.test(text)) return 'modal';
  if (SECOND_PERSON_ASK.test(text)) return 'modal';
  if (IMPERATIVE_START.test(text) || PLEASE_VERB.test(text)) return 'imperative';
  // "Bitte bis Freitag." alone is the deadline of the ask before it, not a new one.
  if (GERMAN_PLEASE.test(text) && !/^bitte\s+(?:bis|vor|zum|heute|morgen|spätestens)\b[^.!?]{0,30}[.!?]?$/i.test(text)) return 'imperative';
  if (WANT.test(text) && !NOT_AN_ASK_WANT.test(text) && !ownPlan(text) && !NO_OBJECT_WANT.test(text)) return 'want';
  if (/\?\s*$/.test(text) && QUESTION.test(text) && !FIRST_PERSON_QUESTION.test(text) && BUSINESS_TOPIC.test(text)) return 'question';
  return null;
}

/** Where the ask starts, so the quote leaves out "Also," or a vocative. */
export function askStart(text: string, kind: AskKind): number {
  const re = kind === 'modal' ? (MODAL_ASK.test(text) ? MODAL_ASK : SECOND_PERSON_ASK) : kind === 'want' ? WANT : kind === 'imperative' ? PLEASE_VERB : null;
  if (kind === 'modal' || kind === 'want') {
    const m = text.match(re!);
    return m ? m.index! : 0;
  }
  if (kind === 'question') {
    const colon = text.lastIndexOf(': ');
    const base = colon > 0 ? colon + 2 : 0;
    const lead = text.slice(base).match(/^(?:(?:and|also|so|separately|but|oh|first|second|third|next|finally|lastly)[,]?\s+)+/i);
    return base + (lead ? lead[0].length : 0);
  }
  if (kind === 'imperative') {
    const lead = text.match(/^(?:(?:and|also|so|then|now|but|oh|ok|okay|yes|just)[,]?\s+)*(?:[A-Z][a-z]+,\s+)?/);
    const p = text.match(PLEASE_VERB);
    if (p && (!lead || p.index! > 0) && !IMPERATIVE_START.test(text)) return p.index!;
    return lead ? lead[0].length : 0;
  }
  return 0;
}

/** A reminder at the end of a call restates an earlier ask ("Just make sure the price thing is sorted"). */
export const REMINDER = /^(?:(?:and|so|oh|okay|ok)[,]?\s+)*(?:just\s+)?(?:make sure|don['’]t forget|remember to)\b/i;
/** Words that mark a new, distinct ask rather than a follow-up on the last one. */
export const DISTINCT = /(?<![\p{L}])(?:also|too|another|separately|one more|as well|aussi|également|second|other thing|también|además|auch|außerdem)(?![\p{L}])/iu;
/** A follow-up that points back at the last ask ("Start it Monday", "Can you quote that?"). */
/** Whether a clause points back at something said before; expletive "it" ("is it possible", "it'd be great") and "that day" do not. */
export function pointsBack(clause: string): boolean {
  return BACK_REFERENCE.test(clause
    .replace(/\b(?:that|this)\s+(?:day|week|month|year|time)\b/gi, '')
    .replace(/\b(?:is|was|would|will|could|isn['’]t|wouldn['’]t) it (?:be )?(?:possible|okay|ok|feasible|worth|easy|hard|better)\b|\bit(?:['’]d| would| will|['’]s| is)(?: also)? (?:be )?(?:great|good|nice|helpful|possible|worth|important|useful|better|ideal|easier)\b|\bit (?:seems|looks like)\b|\bmake it (?:so|easier)\b/gi, ''));
}
export const BACK_REFERENCE = /(?<![\p{L}'’])(?:one(?= (?:together|over|up)\b)|it|that|this|those|them|these|then|les|ça|cela|lo|los|las|es|das|dies|diese|darauf)(?![\p{L}])/iu;
