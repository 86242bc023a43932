import { yieldToEventLoop } from '../yield.js';
import { EMBEDDING_DIMENSIONS, type Embedder } from './types.js';

const EMBED_SLICE = 64;

// Deterministic feature hashing: words, word bigrams and character trigrams hashed (FNV-1a) into a
// fixed number of signed buckets, then L2-normalized. No model, no download, same vector everywhere.

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const STOP = new Set('a an and are as at be but by for from has have i if in is it its me my of on or our so that the their them then there these they this to us was we were what when which who will with you your'.split(' '));

export function tokenize(text: string): string[] {
  return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? [];
}

export function hashEmbed(text: string, dims = EMBEDDING_DIMENSIONS): number[] {
  const v = new Float64Array(dims);
  const add = (feature: string, weight: number) => {
    const h = fnv1a(feature);
    v[h % dims]! += (h & 0x80000000 ? -1 : 1) * weight;
  };
  const words = tokenize(text).filter((w) => !STOP.has(w));
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    add(`w:${w}`, 1);
    if (i > 0) add(`b:${words[i - 1]} ${w}`, 0.5);
    const padded = ` ${w} `;
    for (let j = 0; j + 3 <= padded.length; j++) add(`c:${padded.slice(j, j + 3)}`, 0.25);
  }
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  return Array.from(v, (x) => x / norm);
}

export function createOfflineEmbedder(dims = EMBEDDING_DIMENSIONS): Embedder {
  return {
    name: `offline-hash-v1/${dims}`,
    dimensions: dims,
    async embed(texts) {
      // A two-hour call is ~400 chunks (~60 ms of hashing): a slice at a time, so requests are served between.
      const out: number[][] = [];
      for (let i = 0; i < texts.length; i += EMBED_SLICE) {
        if (i > 0) await yieldToEventLoop();
        for (const t of texts.slice(i, i + EMBED_SLICE)) out.push(hashEmbed(t, dims));
      }
      return out;
    },
  };
}
