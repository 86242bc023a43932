import type { Evidence } from '../../domain/schemas.js';

// Plain text to Notion blocks: paragraphs and "- " bullets, each under Notion's 2,000-character limit.

type RichText = Array<{ type: 'text'; text: { content: string; link?: { url: string } | null } }>;
export type Block =
  | { object: 'block'; type: 'paragraph'; paragraph: { rich_text: RichText } }
  | { object: 'block'; type: 'bulleted_list_item'; bulleted_list_item: { rich_text: RichText } }
  | { object: 'block'; type: 'heading_3'; heading_3: { rich_text: RichText } };

const text = (content: string, url?: string | null): RichText => [{ type: 'text', text: { content: content.slice(0, 2000), ...(url ? { link: { url } } : {}) } }];

export const heading = (content: string): Block => ({ object: 'block', type: 'heading_3', heading_3: { rich_text: text(content) } });

export function textToBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  for (const para of body.split(/\n{2,}/)) {
    const lines = para.split('\n');
    let plain: string[] = [];
    const flush = () => {
      if (plain.length) blocks.push({ object: 'block', type: 'paragraph', paragraph: { rich_text: text(plain.join('\n')) } });
      plain = [];
    };
    for (const l of lines) {
      if (/^\s*[-*] /.test(l)) {
        flush();
        blocks.push({ object: 'block', type: 'bulleted_list_item', bulleted_list_item: { rich_text: text(l.replace(/^\s*[-*] /, '')) } });
      } else plain.push(l);
    }
    flush();
  }
  return blocks;
}

/** Only absolute http(s) links go to Notion (it rejects others, and a javascript: URL never belongs there). */
const httpUrl = (u: string | null) => (u && /^https?:\/\//i.test(u) ? u : null);

export function evidenceBlocks(evidence: Evidence[]): Block[] {
  if (!evidence.length) return [];
  return [
    heading('Evidence'),
    ...evidence.slice(0, 40).map((e): Block => ({
      object: 'block', type: 'bulleted_list_item',
      bulleted_list_item: { rich_text: text(`"${e.quote}"${e.speaker ? ` (${e.speaker}${e.at !== null ? `, ${Math.floor(e.at / 60)}:${String(Math.floor(e.at % 60)).padStart(2, '0')}` : ''})` : ''}`, httpUrl(e.url)) },
    })),
  ];
}

/** Notion takes at most 100 children per request. */
export const capBlocks = (blocks: Block[]) => blocks.slice(0, 100);
