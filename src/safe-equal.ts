/**
 * Constant-time string comparison (tokens, signatures, CSRF): the time taken does not reveal where two
 * strings first differ. Web-platform only, so the stages and the Worker share it.
 */
export function safeEqual(a: string, b: string): boolean {
  const ea = new TextEncoder().encode(a);
  const eb = new TextEncoder().encode(b);
  let diff = ea.length ^ eb.length;
  for (let i = 0; i < Math.max(ea.length, eb.length); i++) diff |= (ea[i] ?? 0) ^ (eb[i] ?? 0);
  return diff === 0;
}
