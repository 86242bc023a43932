/** A prompt file's `version: <id>` line (the first such line), or null. */
export function promptVersionOf(text: string): string | null {
  const m = /^\s*version:\s*(\S+)\s*$/m.exec(text);
  return m ? m[1]! : null;
}

/** Instructions as sent: the prompt file without its version line (a label for us, not for the model). */
export function promptBody(text: string): string {
  return text.replace(/^\s*version:\s*\S+\s*\n+/, '');
}
