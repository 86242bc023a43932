import { z } from 'zod';

// The eval case and prediction shapes of SCORING.md, parsed at the boundary (case files, prediction files).

const Accept = z.record(z.string(), z.array(z.string().nullable())).optional();
const GoldExtras = { alt_quotes: z.array(z.string()).optional(), accept: Accept, optional: z.boolean().optional() };
const Due = z.string().nullable();

export const GoldRequest = z.object({
  text: z.string(), quote: z.string(), requester: z.string().nullable(), channel: z.string(), triage: z.string(), due: Due, ...GoldExtras,
});
export const GoldCommitment = z.object({
  text: z.string(), quote: z.string(), owner: z.string().nullable(), owner_side: z.string(), due: Due, ...GoldExtras,
});
export const GoldRisk = z.object({
  kind: z.string(), severity: z.string(), quote: z.string(), rationale: z.string().default(''), ...GoldExtras,
});
export const Trap = z.object({
  type: z.enum(['request', 'commitment', 'risk', 'any']),
  category: z.string(),
  quote: z.string(),
  reason: z.string().default(''),
});
export type Trap = z.infer<typeof Trap>;

export const Gold = z.object({
  requests: z.array(GoldRequest).default([]),
  commitments: z.array(GoldCommitment).default([]),
  risks: z.array(GoldRisk).default([]),
  traps: z.array(Trap).default([]),
});
export type Gold = z.infer<typeof Gold>;

export const Participant = z.object({ name: z.string(), email: z.string().nullable().optional(), side: z.string().optional() });

export const EvalCase = z.object({
  id: z.string().min(1),
  kind: z.enum(['transcript', 'email']),
  date: z.string().optional(),
  account: z.object({ name: z.string(), domain: z.string().optional(), tier: z.number().optional() }).optional(),
  source: z.union([
    z.object({
      title: z.string().optional(),
      participants: z.array(Participant).default([]),
      entries: z.array(z.object({ speaker: z.string(), timestamp: z.union([z.string(), z.number()]).nullable().optional(), text: z.string() })),
    }),
    z.object({ raw: z.string() }),
  ]),
  gold: Gold.optional(),
  notes: z.string().optional(),
});
export type EvalCase = z.infer<typeof EvalCase>;

// Predictions: the gold item shapes; extra fields are ignored, missing ones read as null.
const str = z.string().nullable().optional().transform((v) => v ?? null);
export const PredRequest = z.object({ text: z.string().default(''), quote: z.string().default(''), requester: str, channel: str, triage: str, due: str });
export const PredCommitment = z.object({ text: z.string().default(''), quote: z.string().default(''), owner: str, owner_side: str, due: str });
export const PredRisk = z.object({ kind: str, severity: str, quote: z.string().default(''), rationale: z.string().default('') });

export const Prediction = z.object({
  requests: z.array(PredRequest).default([]),
  commitments: z.array(PredCommitment).default([]),
  risks: z.array(PredRisk).default([]),
});
export type Prediction = z.infer<typeof Prediction>;
export type PredictionInput = z.input<typeof Prediction>;

export const ITEM_TYPES = ['requests', 'commitments', 'risks'] as const;
export type ItemTypeKey = (typeof ITEM_TYPES)[number];
export const TRAP_TYPE: Record<ItemTypeKey, Trap['type']> = { requests: 'request', commitments: 'commitment', risks: 'risk' };

/** A gold item of any type, as the scorer reads it. */
export type GoldItem = z.infer<typeof GoldRequest> | z.infer<typeof GoldCommitment> | z.infer<typeof GoldRisk>;
export type PredItem = z.infer<typeof PredRequest> | z.infer<typeof PredCommitment> | z.infer<typeof PredRisk>;
