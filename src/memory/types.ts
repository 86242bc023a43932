/** Embeds texts into unit vectors of a fixed dimension; its name is stored with every vector. */
export interface Embedder {
  readonly name: string;
  readonly dimensions: number;
  embed(texts: readonly string[]): Promise<number[][]>;
}

/** The dimension of every vector column (db/migrations): embedders must produce this size. */
export const EMBEDDING_DIMENSIONS = 256;
