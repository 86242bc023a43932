import { describe, expect, it } from 'vitest';
import { NormalizedSource } from '../../src/domain/schemas.js';
import { normalizeMeeting } from '../../src/ingest/fathom/normalize-meeting.js';
import { FathomMeeting } from '../../src/ingest/fathom/schemas.js';
import { longCall, sampleJson } from './fixtures.js';

const AGENCY = ['brightlinedigital.com'];

describe('Fathom meeting schema and normalization', () => {
  it('normalizes the shared sample into a call with sides, matched speakers, seconds and context', () => {
    const m = FathomMeeting.parse(sampleJson());
    const s = NormalizedSource.parse(normalizeMeeting(m, AGENCY));
    expect(s).toMatchObject({
      kind: 'call', externalId: '412587331', title: 'Redwood Ridge x Brightline - Monthly Check-in',
      occurredAt: '2026-09-15T16:01:47.000Z', referenceDate: '2026-09-15',
      links: { url: 'https://fathom.video/share/Vq7mR2xKcP9tLw4ZbN8sHd3FjY6uGe1A', messageId: null },
    });
    expect(s.participants).toEqual([
      { name: 'Maya Chen', email: 'maya.chen@brightlinedigital.com', side: 'agency' },
      { name: 'Daniel Ortiz', email: 'dan@redwoodridgelandscaping.com', side: 'client' },
      { name: 'Priya Nair', email: 'priya@redwoodridgelandscaping.com', side: 'client' },
    ]);
    expect(s.segments).toHaveLength(41);
    expect(s.segments[0]).toEqual({ index: 0, speaker: 'Maya Chen', speakerEmail: 'maya.chen@brightlinedigital.com', at: 4, text: expect.stringContaining('Hi Dan') });
    expect(s.segments[1]).toMatchObject({ speaker: 'Daniel Ortiz', speakerEmail: 'dan@redwoodridgelandscaping.com', at: 11 });
    // Fathom's summary and action items are context, never segments to mine
    expect(s.context.map((c) => c.kind)).toEqual(['fathom_summary', 'fathom_action_items']);
    expect(s.context[0]!.text).toContain('## Meeting Purpose');
    expect(s.context[1]!.text.split('\n')).toHaveLength(7);
    expect(s.context[1]!.text).toContain('- Daniel Ortiz: Share the folder of project photos');
    const allSegments = s.segments.map((x) => x.text).join('\n');
    expect(allSegments).not.toContain('## Meeting Purpose');
  });

  it('without AGENCY_DOMAINS, sides come from is_external and the recorder', () => {
    const s = normalizeMeeting(FathomMeeting.parse(sampleJson()), []);
    expect(s.participants.map((p) => p.side)).toEqual(['agency', 'client', 'client']);
  });

  it('a recording shared by the client: the recorder is client when AGENCY_DOMAINS says so', () => {
    const m = sampleJson();
    const s = normalizeMeeting(FathomMeeting.parse({
      ...m,
      calendar_invitees: [],
      recorded_by: { name: 'Daniel Ortiz', email: 'dan@redwoodridgelandscaping.com', email_domain: 'redwoodridgelandscaping.com', team: null },
    }), AGENCY);
    // Maya speaks with a matched email but was not invited: her domain still makes her agency
    expect(s.participants).toEqual([
      { name: 'Daniel Ortiz', email: 'dan@redwoodridgelandscaping.com', side: 'client' },
      { name: 'Maya Chen', email: 'maya.chen@brightlinedigital.com', side: 'agency' },
    ]);
    expect(s.segments[0]).toMatchObject({ speaker: 'Maya Chen', speakerEmail: 'maya.chen@brightlinedigital.com' });
  });

  it('keeps unknown fields and accepts transcript, summary and action items null or absent', () => {
    const { transcript: _t, default_summary: _s, action_items: _a, ...rest } = sampleJson();
    const absent = FathomMeeting.parse({ ...rest, meeting_type: 'external', some_new_field: { x: 1 } });
    expect(absent).toMatchObject({ meeting_type: 'external', some_new_field: { x: 1 } });
    const nulls = FathomMeeting.parse({ ...rest, transcript: null, default_summary: null, action_items: null, crm_matches: null });
    for (const m of [absent, nulls]) {
      const s = normalizeMeeting(m, AGENCY);
      expect(s.segments).toEqual([]);
      expect(s.context).toEqual([]);
      expect(s.participants).toHaveLength(3);
    }
    // a new enum value, a null assignee and a null summary body are tolerated too
    const drift = FathomMeeting.parse({ ...sampleJson(), calendar_invitees_domains_type: 'something_new', default_summary: { template_name: null, markdown_formatted: null },
      action_items: [{ description: 'x', user_generated: false, completed: false, recording_timestamp: '00:00:01', recording_playback_url: null, assignee: null }] });
    expect(normalizeMeeting(drift, AGENCY).context).toEqual([{ kind: 'fathom_action_items', text: '- x (at 00:00:01)', author: 'Fathom' }]);
  });

  it('refuses what the service cannot do without, naming the field', () => {
    const { recording_id: _r, ...noId } = sampleJson();
    const r = FathomMeeting.safeParse(noId);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['recording_id']);
    const badTs = sampleJson();
    (badTs.transcript as Array<{ timestamp: string }>)[0]!.timestamp = '4s';
    expect(FathomMeeting.safeParse(badTs).error!.issues[0]!.path).toEqual(['transcript', 0, 'timestamp']);
  });

  it('a speaker Fathom could not match falls back to the display name, and joins as side unknown', () => {
    const m = sampleJson();
    const transcript = [
      { speaker: { display_name: 'Priya Nair', matched_calendar_invitee_email: null }, text: 'Sorry I am late.', timestamp: '00:10:00' },
      { speaker: { display_name: 'Phone 555-0100', matched_calendar_invitee_email: null }, text: 'Hello?', timestamp: '01:00:02' },
    ];
    const invitees = (m.calendar_invitees as Array<Record<string, unknown>>).map((i) => (i.name === 'Priya Nair' ? { ...i, matched_speaker_display_name: 'Priya Nair' } : i));
    const s = normalizeMeeting(FathomMeeting.parse({ ...m, transcript, calendar_invitees: invitees }), AGENCY);
    expect(s.segments).toEqual([
      { index: 0, speaker: 'Priya Nair', speakerEmail: 'priya@redwoodridgelandscaping.com', at: 600, text: 'Sorry I am late.' },
      { index: 1, speaker: 'Phone 555-0100', speakerEmail: null, at: 3602, text: 'Hello?' },
    ]);
    expect(s.participants.at(-1)).toEqual({ name: 'Phone 555-0100', email: null, side: 'unknown' });
  });

  it('a two-hour call (~400 KB) keeps every turn with its time', () => {
    const body = JSON.stringify(longCall());
    expect(body.length).toBeGreaterThan(380_000);
    const s = normalizeMeeting(FathomMeeting.parse(JSON.parse(body)), AGENCY);
    expect(s.segments.length).toBe(1440);
    expect(s.segments.at(-1)!.at).toBeGreaterThan(7190);
  });
});
