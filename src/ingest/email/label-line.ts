import { FIELD_OF, STARRED, WS, type Field } from './forward-labels.js';

export interface LabelLine { field: Field; value: string }

const COLON = /[:：]/;

/** "From: x", "*To:* y", "Kopie (CC): z": the field a header line names and its value, or null. */
export function labelLine(line: string): LabelLine | null {
  // Native string searches only: this runs on every line of a forwarded message, warm or cold.
  const colon = line.search(COLON);
  if (colon < 1 || colon > 40) return null;
  const starred = line.charCodeAt(0) === 0x2a;
  const lead = starred ? 1 : 0;
  // Indentation (a label may be indented, a subject may not), and one space before the colon.
  const i = colon - line.slice(lead, colon).trimStart().length;
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
