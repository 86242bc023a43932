import { FIELD_OF, STARRED, WS, type Field } from './forward-labels.js';

export interface LabelLine { field: Field; value: string }

/** "From: x", "*To:* y", "Kopie (CC): z": the field a header line names and its value, or null. */
export function labelLine(line: string): LabelLine | null {
  // The first colon, looked for in the first 41 characters only: a label is short.
  let colon = -1;
  for (let i = 0, n = Math.min(line.length, 41); i < n && colon < 0; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x3a || c === 0xff1a) colon = i;
  }
  if (colon < 1) return null;
  let i = 0;
  const starred = line[0] === '*';
  if (starred) i = 1;
  const lead = i;
  while (i < colon && WS.test(line[i]!)) i++;
  let end = colon;
  if (end > i && WS.test(line[end - 1]!)) end--;
  const word = line.slice(i, end);
  let field = FIELD_OF.get(word);
  let key = word;
  if (!field) {
    key = word.toLowerCase();
    field = FIELD_OF.get(key) === 'subject' ? 'subject' : undefined;
  }
  // Subjects start the line: no leading space, a star only on "Subject".
  if (field === 'subject' && i > lead) return null;
  if (!field || (starred && !STARRED.has(key))) return null;
  let value = line.slice(colon + 1);
  if (STARRED.has(key) && value[0] === '*' && value.length > 1) value = value.slice(1);
  return value ? { field, value } : null;
}
