import { z } from 'zod';

// Fathom's meeting object, snake_case exactly as sent (webhook body and GET /meetings items are the same
// shape). Tolerant on purpose: unknown keys are kept (loose), everything an include_* flag controls may be
// null or absent, and only what the service truly needs is required. See ../shared/reference/fathom.md §1.3.

const Hms = z.string().regex(/^\d{1,2}:\d{2}:\d{2}$/, 'expected HH:MM:SS').describe('time from the start, HH:MM:SS');

export const FathomSpeaker = z.looseObject({
  display_name: z.string().describe('name Fathom shows for the speaker'),
  matched_calendar_invitee_email: z.string().nullish().describe('invitee email Fathom matched the speaker to, if any'),
});

export const FathomTranscriptItem = z.looseObject({
  speaker: FathomSpeaker,
  text: z.string(),
  timestamp: Hms,
});
export type FathomTranscriptItem = z.infer<typeof FathomTranscriptItem>;

export const FathomSummary = z.looseObject({
  template_name: z.string().nullish(),
  markdown_formatted: z.string().nullish(),
});

const FathomPerson = z.looseObject({ name: z.string().nullish(), email: z.string().nullish(), team: z.string().nullish() });

export const FathomActionItem = z.looseObject({
  description: z.string(),
  user_generated: z.boolean().nullish(),
  completed: z.boolean().nullish(),
  recording_timestamp: Hms.nullish(),
  recording_playback_url: z.string().nullish(),
  assignee: FathomPerson.nullish(),
});

export const FathomInvitee = z.looseObject({
  name: z.string().nullish(),
  email: z.string().nullish(),
  email_domain: z.string().nullish(),
  is_external: z.boolean().nullish(),
  matched_speaker_display_name: z.string().nullish(),
});
export type FathomInvitee = z.infer<typeof FathomInvitee>;

export const FathomMeeting = z.looseObject({
  recording_id: z.number().int().positive().describe('the stable meeting key'),
  title: z.string(),
  meeting_title: z.string().nullish(),
  url: z.string(),
  share_url: z.string().nullish(),
  created_at: z.string().nullish(),
  scheduled_start_time: z.string().nullish(),
  scheduled_end_time: z.string().nullish(),
  recording_start_time: z.string().nullish(),
  recording_end_time: z.string().nullish(),
  // An enum upstream; kept a string so a new value never rejects a delivery.
  calendar_invitees_domains_type: z.string().nullish(),
  transcript_language: z.string().nullish(),
  transcript: z.array(FathomTranscriptItem).nullish(),
  default_summary: FathomSummary.nullish(),
  action_items: z.array(FathomActionItem).nullish(),
  calendar_invitees: z.array(FathomInvitee).default([]),
  recorded_by: z.looseObject({
    name: z.string().nullish(),
    email: z.string(),
    email_domain: z.string().nullish(),
    team: z.string().nullish(),
  }),
  crm_matches: z.unknown().optional(),
});
export type FathomMeeting = z.infer<typeof FathomMeeting>;

/** GET /meetings */
export const FathomMeetingsPage = z.looseObject({
  items: z.array(z.unknown()),
  limit: z.number().nullish(),
  next_cursor: z.string().nullish(),
});
export type FathomMeetingsPage = z.infer<typeof FathomMeetingsPage>;

/** GET /recordings/{id}/transcript */
export const FathomTranscriptResponse = z.looseObject({
  transcript: z.array(FathomTranscriptItem).nullish(),
});
