import { z } from 'zod';

/** A multipart or urlencoded webhook body as the route read it: text fields and uploaded files. */
export const FormPayload = z.object({
  fields: z.record(z.string(), z.string()),
  files: z.array(z.object({ field: z.string(), filename: z.string().nullable(), contentType: z.string(), content: z.instanceof(Uint8Array) })).default([]),
});
export type FormPayload = z.input<typeof FormPayload>;

/** "Name: value" header lines (folded lines joined) to pairs. */
export function headerPairs(block: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const line of block.replace(/\r\n?/g, '\n').replace(/\n[ \t]+/g, ' ').split('\n')) {
    const i = line.indexOf(':');
    if (i > 0) out.push([line.slice(0, i).trim(), line.slice(i + 1).trim()]);
  }
  return out;
}

export function parseJsonField<T>(text: string | undefined, schema: z.ZodType<T>): T | null {
  if (!text) return null;
  try {
    const r = schema.safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}
