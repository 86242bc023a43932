// Maximum-weight one-to-one assignment (Hungarian algorithm, O(n^3)) over a rectangular weight
// matrix. `null` marks an ineligible pair: it is never returned as a match.

export function maxWeightAssignment(weights: ReadonlyArray<ReadonlyArray<number | null>>): Array<[number, number]> {
  const rows = weights.length;
  const cols = rows ? weights[0]!.length : 0;
  if (!rows || !cols) return [];
  const n = Math.max(rows, cols);
  // Minimise cost = -weight; ineligible and padding cells cost 0 (the same as staying unmatched),
  // so with all eligible weights positive the optimum is a maximum-weight matching.
  const cost = (i: number, j: number) => {
    const w = i < rows && j < cols ? weights[i]![j] : null;
    return w === null || w === undefined ? 0 : -w;
  };
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(n + 1).fill(0);
  const p = new Array<number>(n + 1).fill(0);
  const way = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(n + 1).fill(Infinity);
    const used = new Array<boolean>(n + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost(i0 - 1, j - 1) - u[i0]! - v[j]!;
        if (cur < minv[j]!) { minv[j] = cur; way[j] = j0; }
        if (minv[j]! < delta) { delta = minv[j]!; j1 = j; }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) { u[p[j]!]! += delta; v[j]! -= delta; } else minv[j]! -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0);
  }
  const out: Array<[number, number]> = [];
  for (let j = 1; j <= n; j++) {
    const i = p[j]! - 1;
    const c = j - 1;
    if (i < rows && c < cols && weights[i]![c] !== null && weights[i]![c] !== undefined) out.push([i, c]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}
