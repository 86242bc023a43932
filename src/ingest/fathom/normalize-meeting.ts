import type { ContextBlock, NormalizedSource, Participant, Segment, Side } from '../../domain/schemas.js';
import { parseTimestamp } from '../normalize-transcript.js';
import type { FathomMeeting, FathomTranscriptItem } from './schemas.js';

const domainOf = (email: string | null | undefined) => email?.split('@')[1]?.trim().toLowerCase() ?? null;
const lower = (s: string | null | undefined) => s?.trim().toLowerCase() ?? null;

/**
 * Who is who. Agency side: an email on one of AGENCY_DOMAINS, or an invitee Fathom marks internal
 * (is_external: false, i.e. in the recorder's workspace). The recorder is agency unless AGENCY_DOMAINS is set
 * and says otherwise (a client's recording shared with us). Everyone else invited is the client.
 */
export function meetingParticipants(m: FathomMeeting, agencyDomains: readonly string[]): Participant[] {
  const onAgencyDomain = (email: string | null | undefined) => {
    const d = domainOf(email);
    return d !== null && agencyDomains.includes(d);
  };
  const byEmail = new Map<string, Participant>();
  const out: Participant[] = [];
  for (const inv of m.calendar_invitees) {
    const email = inv.email?.trim() || null;
    const side: Side = onAgencyDomain(email) || inv.is_external === false ? 'agency' : inv.is_external === true || email ? 'client' : 'unknown';
    const p: Participant = { name: inv.name?.trim() || inv.matched_speaker_display_name || email?.split('@')[0] || 'Unknown', email, side };
    if (email) {
      if (byEmail.has(lower(email)!)) continue;
      byEmail.set(lower(email)!, p);
    }
    out.push(p);
  }
  const rec = m.recorded_by;
  if (!byEmail.has(lower(rec.email)!)) {
    const side: Side = agencyDomains.length === 0 || onAgencyDomain(rec.email) ? 'agency' : 'client';
    const p: Participant = { name: rec.name?.trim() || rec.email.split('@')[0]!, email: rec.email, side };
    byEmail.set(lower(rec.email)!, p);
    out.push(p);
  }
  return out;
}

/** Transcript turns to segments, the speaker matched to an invitee where Fathom matched one. */
export function transcriptSegments(m: FathomMeeting, transcript: readonly FathomTranscriptItem[], participants: Participant[], agencyDomains: readonly string[]): Segment[] {
  const byEmail = new Map(participants.filter((p) => p.email).map((p) => [lower(p.email)!, p]));
  const byDisplayName = new Map<string, Participant>();
  for (const inv of m.calendar_invitees) {
    const p = inv.email ? byEmail.get(lower(inv.email)!) : undefined;
    if (inv.matched_speaker_display_name && p) byDisplayName.set(inv.matched_speaker_display_name, p);
  }
  return transcript.map((t, index) => {
    const email = t.speaker.matched_calendar_invitee_email?.trim() || null;
    let matched = (email && byEmail.get(lower(email)!)) || byDisplayName.get(t.speaker.display_name);
    if (!matched && !participants.some((p) => p.name === t.speaker.display_name)) {
      // A voice no invitee accounts for (a dial-in, a guest): listed, side from the domain when known.
      const d = domainOf(email);
      matched = { name: t.speaker.display_name, email, side: d && agencyDomains.includes(d) ? 'agency' : 'unknown' };
      participants.push(matched);
      if (email) byEmail.set(lower(email)!, matched);
    }
    return {
      index,
      speaker: matched?.name ?? t.speaker.display_name,
      speakerEmail: matched?.email ?? null,
      at: parseTimestamp(t.timestamp),
      text: t.text,
    };
  });
}

/** Fathom's own summary and action items travel as context for the extractor, never as our items. */
export function meetingContext(m: FathomMeeting): ContextBlock[] {
  const blocks: ContextBlock[] = [];
  const summary = m.default_summary?.markdown_formatted?.trim();
  if (summary) blocks.push({ kind: 'fathom_summary', text: summary, author: 'Fathom' });
  if (m.action_items?.length) {
    const lines = m.action_items.map((a) => {
      const who = a.assignee?.name || a.assignee?.email;
      return `- ${who ? `${who}: ` : ''}${a.description}${a.recording_timestamp ? ` (at ${a.recording_timestamp})` : ''}${a.completed ? ' [done]' : ''}`;
    });
    blocks.push({ kind: 'fathom_action_items', text: lines.join('\n'), author: 'Fathom' });
  }
  return blocks;
}

function instant(...candidates: Array<string | null | undefined>): string {
  for (const c of candidates) {
    if (!c) continue;
    const d = new Date(c);
    if (!Number.isNaN(d.getTime())) return d.toISOString();
  }
  return new Date(0).toISOString();
}

/** A Fathom meeting to the provider-neutral Source. `transcript` overrides the meeting's own (a later fetch). */
export function normalizeMeeting(m: FathomMeeting, agencyDomains: readonly string[], transcript?: readonly FathomTranscriptItem[] | null): NormalizedSource {
  const participants = meetingParticipants(m, agencyDomains);
  const segments = transcriptSegments(m, transcript ?? m.transcript ?? [], participants, agencyDomains);
  const occurredAt = instant(m.recording_start_time, m.scheduled_start_time, m.created_at);
  return {
    kind: 'call',
    externalId: String(m.recording_id),
    title: m.title.trim() || m.meeting_title?.trim() || `Fathom recording ${m.recording_id}`,
    occurredAt,
    referenceDate: occurredAt.slice(0, 10),
    timeZone: null,
    participants,
    segments,
    context: meetingContext(m),
    attachments: [],
    links: { url: m.share_url || m.url, messageId: null },
  };
}
