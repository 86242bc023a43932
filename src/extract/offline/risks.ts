import type { RiskKind, Severity } from '../../domain/schemas.js';
import type { Sentence } from './sentences.js';
import {
  CHURN_BUDGET, CHURN_HIGH, DISPLEASURE, DOUBLE_BILLED, HARSH_VERDICT, MORE_OF_THE_BUSINESS, OTHERS_BILLED, OTHERS_FEEL, PAYMENT_HELD, APPROVED_EXPANSION, DISPUTED_CHARGE, REJECTED_SUGGESTION, HYPOTHETICAL, NEW_UNIT, CONDITIONAL_WISH, REPEATED_ASKING, UNACTED_ASK,
} from './signal-lexicon.js';

// Relationship and delivery signals. Each cue carries the kind, the severity and who can voice it
// (a client threatens churn; the agency says it is blocked). One signal per kind per source, the
// strongest wording kept; scope creep and expansion are per ask, so one per turn.

export interface RiskDraft {
  s: Sentence;
  kind: RiskKind;
  severity: Severity;
  quote: string;
  rationale: string;
  strength: number;
}

interface Cue { kind: RiskKind; severity: Severity; re: RegExp; who: 'client' | 'agency' | 'any'; why: string; strength: number }

const CUES: Cue[] = [
  // Composed word classes (signal-lexicon.ts): any word order, any intensifier.
  { kind: 'churn_risk', severity: 'high', who: 'client', strength: 3, why: 'Client puts the agency under review or threatens to end the relationship.', re: CHURN_HIGH },
  { kind: 'churn_risk', severity: 'medium', who: 'client', strength: 2, why: 'Client cuts, freezes or pauses marketing spend.', re: CHURN_BUDGET },
  { kind: 'frustration', severity: 'high', who: 'client', strength: 2, why: 'Client states displeasure with the agency.', re: DISPLEASURE },
  { kind: 'frustration', severity: 'medium', who: 'client', strength: 1, why: 'Client has to chase the agency.', re: REPEATED_ASKING },
  { kind: 'frustration', severity: 'high', who: 'client', strength: 2, why: 'Client judges the agency\'s work harshly.', re: HARSH_VERDICT },
  { kind: 'missed_deadline', severity: 'high', who: 'client', strength: 2, why: 'The client asked for this before and it is still not done.', re: UNACTED_ASK },
  { kind: 'billing', severity: 'high', who: 'client', strength: 3, why: 'Payment held over an invoice dispute.', re: PAYMENT_HELD },
  { kind: 'billing', severity: 'medium', who: 'client', strength: 2, why: 'Client disputes a duplicate charge.', re: DOUBLE_BILLED },
  { kind: 'billing', severity: 'medium', who: 'client', strength: 2, why: 'Client disputes a charge it should not bear.', re: DISPUTED_CHARGE },
  { kind: 'expansion_opportunity', severity: 'medium', who: 'client', strength: 2, why: 'Client wants the agency to cover more of the business.', re: MORE_OF_THE_BUSINESS },
  { kind: 'expansion_opportunity', severity: 'high', who: 'client', strength: 3, why: 'Client has approved an expansion.', re: APPROVED_EXPANSION },
  { kind: 'expansion_opportunity', severity: 'medium', who: 'client', strength: 2, why: 'Client is opening or acquiring a new unit.', re: NEW_UNIT },
  { kind: 'expansion_opportunity', severity: 'low', who: 'client', strength: 1, why: 'Client would bring the agency in on new work if conditions allow.', re: CONDITIONAL_WISH },
  { kind: 'churn_risk', severity: 'high', who: 'client', strength: 3, why: 'Client threatens to end or re-bid the relationship.',
    re: /\b(?:rethink whether we keep|(?:rethink|reconsider)(?:ing)? (?:whether|if) (?:this|we|the|our|you)\b|rethink (?:the|our) (?:budget|retainer|relationship|contract|arrangement)|proposals? from (?:\w+ ){0,2}other agenc\w*|other agencies|re-?bid|out to (?:tender|bid)|(?:review|re-?evaluate|reconsider) (?:the|our|whether we keep) (?:agency|relationship|contract|retainer)|look(?:ing)? (?:at|for) (?:other|another|a new) agenc\w*|switch(?:ing)? agencies|cancel (?:the|our) (?:contract|retainer)|not (?:going to )?renew|end (?:the|our) (?:contract|relationship|retainer)|cancel (?:our|the) (?:account|service|subscription)|terminat\w+ (?:the|our) (?:contract|agreement)|pull the plug|take (?:our|the) business elsewhere|shop(?:ping)? around|send out an rfp|(?:thinking about|considering) (?:leaving|switching|moving (?:to|on))|(?:review|re-?evaluate|reconsider)\s+(?:all\s+|our\s+|the\s+)?(?:agency|agencies)(?:\s+(?:contracts?|relationships?))?)\b/i },
  { kind: 'churn_risk', severity: 'medium', who: 'client', strength: 2, why: 'Client cuts budget or threatens to move work away.',
    re: /\b(?:mov(?:e|ing) (?:the |our |this |it )?[\w ]{0,30}in-house|bring(?:ing)? (?:it|this|[\w ]{0,30}) in-house|tak(?:e|ing) (?:it|this|[\w ]{0,30}) in-house|(?<!\b(?:the|a|at)\s)(?:cut|lower|trim|slash|halve|reduce|decrease) (?:the |our )?(?:[\w]+ )?(?:budget|spend|retainer)|pull(?:ing)? back on (?:spend|ads|advertising|marketing)|pause (?:all|everything)\b[^.]{0,20}(?:marketing|advertising|ads))\b/i },
  { kind: 'churn_risk', severity: 'medium', who: 'client', strength: 1, why: 'Client signals lower marketing spend.',
    re: /\b(?:(?:budget|spend) (?:down|cuts?)|scale back)\b/i },
  { kind: 'frustration', severity: 'high', who: 'client', strength: 2, why: 'Client states displeasure with the agency.',
    re: /\b(?:fed up|not happy|unhappy|annoyed|upset|not impressed|ridiculous|embarrass\w*|let down|angry|livid|(?:really |very |so )?disappointed|unacceptable|furious|frustrat(?:ed|ing)|can['’]t happen again|sick of|had enough|losing patience|déçue?s?|pas contente?s?)\b/i },
  { kind: 'frustration', severity: 'low', who: 'client', strength: 1, why: 'Client finds the agency slow.',
    re: /\b(?:(?:felt|feels|been|is|was|were) (?:really |very |too |a bit )?slow|took (?:weeks|ages|forever)|taking (?:weeks|ages|forever|too long))\b/i },
  { kind: 'missed_deadline', severity: 'high', who: 'client', strength: 2, why: 'Something the agency promised is late.',
    re: /\b(?:(?:I|we) still (?:don['’]t|do not|haven['’]t|have not) (?:have|got|received|seen) (?:it|them|that|those|the [\w-]+)\b(?<=\b(?:due|promised|part of|contract\w*|statement of work|sow|deadline|supposed to|agreed|scheduled)\b[^.!?]*)|(?:was|were) (?:supposed|meant|due|scheduled) to (?:be|go) (?:live|done|ready|up|out)|still (?:isn['’]t|is not|hasn['’]t been|has not been|hasn['’]t gone) (?:live|up|done|ready|fixed|launched)|was (?:promised|due) (?:for|by|on)|were promised|(?:still )?(?:isn['’]t|not|hasn['’]t been) (?:live|done|ready|delivered|launched) yet|(?:is|are) (?:late|overdue)|missed (?:the|our) deadline|past due)\b/i },
  { kind: 'blocked_access', severity: 'medium', who: 'agency', strength: 2, why: 'The agency is waiting on access, assets or data from the client.',
    re: /\b(?:only (?:have|got|get) (?:read|view|viewer|read-only|view-only|limited|reporting) access|(?:read|view)-only access|(?:still )?(?:don['’]t|do not) have (?:[\w-]+ ){0,2}access|no access|(?:can['’]t|cannot) (?:build|access|log in|get in|launch|start)|still waiting (?:on|for) (?:your|the)|(?:it['’]s|is|are|they['’]re) still not (?:on|installed on|live on|added to) (?:the|your) (?:site|website|page|account)|(?:we['’]re|we are) still waiting (?:on|for)|haven['’]t (?:received|gotten|got) (?:the|your|any)|still (?:hasn['’]t|haven['’]t) (?:sent|given|added|installed)|(?:we )?need (?:admin |editor |owner )?access to (?:your|the)\b[^.!?]{0,60}\b(?:asked|requested|chased) (?:twice|again|(?:a few|several|three|two) times|before)|(?:asked|requested) (?:twice|three times|again) for (?:admin |editor )?access)\b/i },
  { kind: 'missed_deadline', severity: 'medium', who: 'client', strength: 1, why: 'The client is still waiting on agency work.',
    re: /\b(?:still waiting (?:on|for) (?:the|your|our)|(?:were|was) told (?:it|they|you)(?:['’]d| would) be|behind schedule|still hasn['’]t (?:launched|gone live|been (?:done|fixed|delivered)))\b/i },
  { kind: 'missed_deadline', severity: 'medium', who: 'agency', strength: 1, why: 'The agency admits something it owed is late.',
    re: /\b(?:that|this|it|which)\s+(?:should|was supposed to|was meant to) have (?:been )?(?:done|live|fixed|changed|updated|sent|finished|launched|gone (?:live|out))\b|\bwe (?:missed|blew) (?:the|that|our) (?:deadline|date)\b/i },
  { kind: 'blocked_access', severity: 'medium', who: 'client', strength: 1, why: 'Only someone on the client side can grant the access the agency needs.',
    re: /\b(?:(?:you|your team) (?:still )?(?:can['’]t|cannot|couldn['’]t|don['’]t have|didn['’]t get) (?:get into|log ?in(?:to)?|access|the (?:login|password|access))|(?:still )?the only admin|only (?:one|person) with (?:admin )?access|(?:haven['’]t|hasn['’]t) (?:given|added|granted) (?:you|the agency))\b/i },
  { kind: 'billing', severity: 'high', who: 'client', strength: 3, why: 'Payment held over an invoice dispute.',
    re: /\b(?:(?:put|putting|placed|holding) (?:the |this |our )?(?:invoice|payment)s? on hold|withhold\w*|won['’]t pay|not paying)\b/i },
  { kind: 'billing', severity: 'medium', who: 'client', strength: 2, why: 'Client disputes a charge against what was agreed.',
    re: /\b(?:charg|bill|invoic)\w*\b[^.!?]{0,60}\b(?:but |and |when |though )?(?:we|you) (?:only )?(?:agreed|quoted|signed off|approved)\b/i },
  { kind: 'billing', severity: 'medium', who: 'client', strength: 2, why: 'Client disputes a charge or who bears a cost.',
    re: /\b(?:who (?:covers|pays for|eats) (?:that|the) (?:loss|cost|difference)|billed (?:us )?twice|overbill\w*|invoice (?:is|was) (?:wrong|incorrect)|charged (?:us )?twice|double[- ]charged|duplicate (?:charge|fee)|overcharg\w*|(?:listed|on (?:it|the invoice|the bill)) twice)\b/i },
  { kind: 'billing', severity: 'low', who: 'client', strength: 1, why: 'Client asks to reconcile invoices and spend.',
    re: /\b(?:(?:don['’]t|doesn['’]t|do not|does not) match|reconcil\w*|discrepanc\w*)\b/i },
  { kind: 'scope_creep', severity: 'medium', who: 'client', strength: 1, why: 'Out-of-scope work framed as small.',
    re: /\b(?:(?:a|one|it['’]s a|just a) (?:tiny|small|quick|little|simple|easy|minor) (?:thing|job|change|tweak|favou?r|task|fix|page|add-on|addition)\b|while you['’]re in there|shouldn['’]t be (?:much|a big)|just quickly|(?:quickly |just )?(?:throw|knock|whip) (?:together|up|out)\b|basically (?:copy[- ]paste|the same)|nothing fancy|while you['’]re at it|shouldn['’]t take (?:long|much)|small favou?r|real quick|copy[- ]paste|tiny (?:change|tweak)|(?:can['’]t|couldn['’]t) you just|it['’]s (?:just|only) (?:one|a|the)\b|it['’]s (?:just |only )?(?:one|a single) (?:page|line|thing|change|email|post)\b)/i },
  { kind: 'expansion_opportunity', severity: 'medium', who: 'client', strength: 2, why: 'A concrete plan for a new location, line or market.',
    re: /\b(?:(?:opening|launching|adding|starting|acquired|acquiring|bought|buying) (?:a|our|another) (?:new|second|third|fourth|fifth|company|business|brand)\b|expanding (?:into|to)\b|sister (?:company|brand|business)|our other (?:brand|company|business))/i },
  { kind: 'expansion_opportunity', severity: 'low', who: 'client', strength: 1, why: 'A vague or conditional idea for new work.',
    re: /\b(?:we (?:might|may|could) (?:add|expand|launch|open|start|try)|maybe (?:add|expand|open|launch)\w*|(?:thinking|talking) about (?:adding|expanding|launching|opening)|if we ever (?:start|expand|open|launch)\w*)\b/i },
];

const INVITE = /\b(?:proposal|quote|pricing|scope|run the|take on|manage|plan (?:and|with) (?:a )?budget|angebot)\b/i;
const NEW_WORK = /\b(?:[A-Z][a-z]+(?:-language)? version of (?:the|our) (?:site|website|app|store)|[A-Z][a-z]+-language|signed (?:the |a )?lease|(?:second|third|fourth) (?:taproom|clinic|office|branch|restaurant|studio|shop|location|store|site|market)|launch\w*|new (?:division|line|location|store|market|product|service|club|brand|site|channel|region)|second (?:channel|location|market|site|store)|zweite[nrm]? (?:kanal|standort|markt)|opening|expand\w*|division|distributor|distribution)\b/i;

/** The sentence that names the new work a proposal is invited for (it is the evidence), or null. */
function expansionInvite(sentences: Sentence[], s: Sentence): Sentence | null {
  if (!INVITE.test(s.text) || /\brenew\w*\b/i.test(s.text) || s.side === 'agency') return null;
  const next = sentences[s.n + 1];
  // The plan may be voiced by a colleague on the client side just before ("Harold wants a Spanish version of the site").
  const window = sentences.slice(Math.max(0, s.n - 4), s.n + 1).filter((x) => x.speaker === s.speaker || (x.side === s.side && x.side === 'client'));
  if (next && next.segment === s.segment) window.push(next);
  return window.find((x) => NEW_WORK.test(x.text)) ?? null;
}

/** A threat to the relationship is a signal, not a promise, however it is phrased. */
export function isChurnSignal(text: string): boolean {
  return CUES.some((c) => c.kind === 'churn_risk' && c.re.test(text));
}

export function findRisks(sentences: Sentence[]): RiskDraft[] {
  const found: RiskDraft[] = [];
  for (const s of sentences) {
    for (const cue of CUES) {
      if (cue.who === 'client' && s.side === 'agency') continue;
      if (cue.who === 'agency' && s.side !== 'agency') continue;
      const m = s.text.match(cue.re);
      if (!m) continue;
      if (cue.kind === 'frustration' && OTHERS_FEEL.test(s.text.slice(0, m.index!))) continue;
      if (cue.kind === 'billing' && OTHERS_BILLED.test(s.text.slice(0, m.index!))) continue;
      if ((cue.kind === 'churn_risk' || cue.kind === 'expansion_opportunity') && (REJECTED_SUGGESTION.test(s.text) || HYPOTHETICAL.test(s.text))) continue;
      // "The results have been fine, but the last two months felt slow": the evidence is after the "but".
      const but = s.text.slice(0, m.index!).search(/,\s+but\s+(?=\S)[^,]*$/i);
      const quote = but > 0 ? s.text.slice(but).replace(/^,\s+but\s+/i, '') : s.text;
      // "It's been a mess. I'm disappointed.": a bare feeling is quoted with the sentence that gives its cause.
      // "Before we go further, I'm disappointed. This is the third time I've asked": the cause may follow; a lead-in is dropped.
      const bare = cue.kind === 'frustration' ? quote.replace(/^[^,]{3,30},\s+(?=(?:I|we)\b)/, '') : quote;
      const next = sentences[s.n + 1];
      const after = next && next.segment === s.segment && next.speaker === s.speaker && (REPEATED_ASKING.test(next.text) || UNACTED_ASK.test(next.text)) ? next : null;
      const cause = sentences[s.n - 1];
      const withCause = cue.kind !== 'frustration' || bare.length >= 30 ? quote
        : after ? `${bare} ${after.text}`
        : cause && cause.segment === s.segment && cause.speaker === s.speaker ? `${cause.text} ${quote}` : quote;
      found.push({ s, kind: cue.kind, severity: cue.severity, quote: withCause, rationale: cue.why, strength: cue.strength });
    }
    const plan = expansionInvite(sentences, s);
    if (plan) {
      found.push({ s: plan, kind: 'expansion_opportunity', severity: 'high', quote: plan.text, rationale: 'Client invites a proposal for new work.', strength: 3 });
    }
  }
  const kept = new Map<string, RiskDraft>();
  for (const r of found) {
    const perTurn = r.kind === 'scope_creep' || r.kind === 'expansion_opportunity';
    const key = perTurn ? `${r.kind}:${r.s.segment}` : r.kind;
    const have = kept.get(key);
    if (!have || r.strength > have.strength) kept.set(key, r);
  }
  // Two adjacent sentences of one turn that carry the same signal are one piece of evidence.
  for (const [key, r] of kept) {
    const next = found.find((x) => x.kind === r.kind && x.s.n === r.s.n + 1 && x.s.segment === r.s.segment);
    if (next && r.kind === 'scope_creep') kept.set(key, { ...r, quote: `${r.quote} ${next.quote}` });
  }
  const out = [...kept.values()];
  // Expansion: one per source unless asks for proposals differ; keep the strongest.
  const exp = out.filter((r) => r.kind === 'expansion_opportunity').sort((a, b) => b.strength - a.strength);
  const drop = new Set(exp.slice(1));
  const tense = out.some((r) => r.kind === 'frustration' || r.kind === 'churn_risk');
  return out
    .filter((r) => !drop.has(r))
    .map((r) => (r.kind === 'missed_deadline' && !tense ? { ...r, severity: 'medium' as Severity } : r))
    .sort((a, b) => a.s.n - b.s.n);
}
