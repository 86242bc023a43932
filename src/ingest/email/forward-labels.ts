// The words mail clients write when they forward, per locale: separator phrases and the header labels of
// the forwarded block. They are the facts crisp-oss/email-forward-parser collected (Apple Mail, Gmail,
// Outlook 2019 / Live / 365 / New, Yahoo, Thunderbird, HubSpot, MailMate, Missive, IONOS); the code that
// reads them is ours (forward-parse.ts).

export const WS = /\s/;

export type Field = 'from' | 'to' | 'cc' | 'replyTo' | 'date' | 'subject';

/** Subject prefixes that mark a forward, as the clients write them (case-sensitive). */
export const FWD_PREFIX = /^(?:Fw|VS|WG|RV|TR|I|FW|Vs|PD|ENC|Redir.|VB|VL|Videresend|İLT|Fwd):(.*)/m;

/** Apple Mail's "Begin forwarded message:" line. */
export const APPLE_SEPARATORS = [
  'Begin forwarded message', 'Začátek přeposílané zprávy', 'Start på videresendt besked', 'Anfang der weitergeleiteten Nachricht',
  'Inicio del mensaje reenviado', 'Välitetty viesti alkaa', 'Début du message réexpédié', 'Début du message transféré',
  'Započni proslijeđenu poruku', 'Továbbított levél kezdete', 'Inizio messaggio inoltrato', 'Begin doorgestuurd bericht',
  'Videresendt melding', 'Początek przekazywanej wiadomości', 'Início da mensagem reencaminhada', 'Início da mensagem encaminhada',
  'Începe mesajul redirecționat', 'Начало переадресованного сообщения', 'Začiatok preposlanej správy', 'Vidarebefordrat mejl',
  'İleti başlangıcı', 'Початок листа, що пересилається',
];

/** "----- Phrase -----" separators (Yahoo, Thunderbird, HubSpot, IONOS): [fewest dashes, most dashes, phrase]. */
export const DASHED_SEPARATORS: Array<[number, number, string]> = [
  [5, 8, 'Přeposlaná zpráva'], [5, 8, 'Videresendt meddelelse'], [5, 10, 'Weitergeleitete Nachricht'], [5, 8, 'Forwarded Message'],
  [5, 10, 'Mensaje reenviado'], [5, 10, 'Edelleenlähetetty viesti'], [5, 5, 'Message transmis'], [5, 8, 'Továbbított üzenet'],
  [5, 10, 'Messaggio inoltrato'], [5, 10, 'Doorgestuurd bericht'], [5, 8, 'Videresendt melding'], [5, 5, 'Przekazana wiadomość'],
  [5, 8, 'Mensagem reencaminhada'], [5, 10, 'Mensagem encaminhada'], [5, 8, 'Mesaj redirecționat'], [5, 5, 'Пересылаемое сообщение'],
  [5, 5, 'Preposlaná správa'], [5, 10, 'Vidarebefordrat meddelande'], [5, 5, 'İletilmiş Mesaj'], [5, 5, 'Перенаправлене повідомлення'],
  [8, 8, 'Välitetty viesti / Fwd.Msg'], [8, 10, 'Message transféré'], [8, 8, 'Proslijeđena poruka'], [8, 8, 'Messaggio Inoltrato'],
  [3, 3, 'Treść przekazanej wiadomości'], [8, 8, 'Перенаправленное сообщение'], [8, 8, 'Preposlaná správa --- Forwarded Message'],
  [8, 8, 'İletilen İleti'], [8, 8, 'Переслане повідомлення'], [9, 10, 'メッセージを転送'], [9, 10, 'Wiadomość przesłana dalej'],
  [10, 10, 'Original Message'],
];

/**
 * Outlook 2019's one-line attribution that doubles as the separator ("On <date>, "Name" <addr> wrote:"),
 * with the keyword each needs. The named groups give the sender and date.
 */
export const OUTLOOK_ATTRIBUTIONS: Array<[RegExp, string]> = [
  [/^\s?Dne\s?(?<date>.+),\s?(?<from_name>.+)\s*[[|<](?<from_address>.+)[\]|>]\s?napsal\(a\)\s?:/m, 'napsal(a)'],
  [/^\s?D.\s?(?<date>.+)\s?skrev\s?"(?<from_name>.+)"\s*[[|<](?<from_address>.+)[\]|>]\s?:/m, 'skrev'],
  [/^\s?Am\s?(?<date>.+)\s?schrieb\s?"(?<from_name>.+)"\s*[[|<](?<from_address>.+)[\]|>]\s?:/m, 'schrieb'],
  [/^\s?On\s?(?<date>.+),\s?"(?<from_name>.+)"\s*[[|<](?<from_address>.+)[\]|>]\s?wrote\s?:/m, 'wrote'],
  [/^\s?El\s?(?<date>.+),\s?"(?<from_name>.+)"\s*[[|<](?<from_address>.+)[\]|>]\s?escribió\s?:/m, 'escribió'],
  [/^\s?Le\s?(?<date>.+),\s?«(?<from_name>.+)»\s*[[|<](?<from_address>.+)[\]|>]\s?a écrit\s?:/m, 'a écrit'],
  [/^\s?(?<from_name>.+)\s*[[|<](?<from_address>.+)[\]|>]\s?kirjoitti\s?(?<date>.+)\s?:/m, 'kirjoitti'],
  [/^\s?(?<date>.+)\s?időpontban\s?(?<from_name>.+)\s*[[|<|(](?<from_address>.+)[\]|>|)]\s?ezt írta\s?:/m, 'ezt írta'],
  [/^\s?Il giorno\s?(?<date>.+)\s?"(?<from_name>.+)"\s*[[|<](?<from_address>.+)[\]|>]\s?ha scritto\s?:/m, 'ha scritto'],
  [/^\s?Op\s?(?<date>.+)\s?heeft\s?(?<from_name>.+)\s*[[|<](?<from_address>.+)[\]|>]\s?geschreven\s?:/m, 'geschreven'],
  [/^\s?(?<from_name>.+)\s*[[|<](?<from_address>.+)[\]|>]\s?skrev følgende den\s?(?<date>.+)\s?:/m, 'skrev følgende'],
  [/^\s?Dnia\s?(?<date>.+)\s?„(?<from_name>.+)”\s*[[|<](?<from_address>.+)[\]|>]\s?napisał\s?:/m, 'napisał'],
  [/^\s?Em\s?(?<date>.+),\s?"(?<from_name>.+)"\s*[[|<](?<from_address>.+)[\]|>]\s?escreveu\s?:/m, 'escreveu'],
  [/^\s?(?<date>.+)\s?пользователь\s?"(?<from_name>.+)"\s*[[|<](?<from_address>.+)[\]|>]\s?написал\s?:/m, 'написал'],
  [/^\s?(?<date>.+)\s?používateľ\s?(?<from_name>.+)\s*\([[|<](?<from_address>.+)[\]|>]\)\s?napísal\s?:/m, 'napísal'],
  [/^\s?Den\s?(?<date>.+)\s?skrev\s?"(?<from_name>.+)"\s*[[|<](?<from_address>.+)[\]|>]\s?följande\s?:/m, 'följande'],
  [/^\s?"(?<from_name>.+)"\s*[[|<](?<from_address>.+)[\]|>],\s?(?<date>.+)\s?tarihinde şunu yazdı\s?:/m, 'tarihinde şunu yazdı'],
];

const ATTRIBUTION_WORDS = new RegExp(OUTLOOK_ATTRIBUTIONS.map(([, k]) => k.replace(/[()]/g, '\\$&')).join('|'));

/** The earliest Outlook 2019 attribution in the text; each pattern is tried only when its keyword is there. */
export function firstAttribution(text: string): RegExpExecArray | null {
  if (!ATTRIBUTION_WORDS.test(text)) return null;
  let best: RegExpExecArray | null = null;
  for (const [re, keyword] of OUTLOOK_ATTRIBUTIONS) {
    if (!text.includes(keyword)) continue;
    const m = re.exec(text);
    if (m && (!best || m.index < best.index)) best = m;
  }
  return best;
}

/** Header labels of a forwarded block, per field. Subject labels are matched case-insensitively. */
const LABELS: Record<Field, string[]> = {
  from: ['From', 'Od', 'Fra', 'Von', 'De', 'Lähettäjä', 'Šalje', 'Feladó', 'Da', 'Van', 'Expeditorul', 'Отправитель', 'Från', 'Kimden',
    'Від кого', 'Saatja', 'De la', 'Gönderen', 'От', 'Від', 'Mittente', 'Nadawca', 'de la', '送信元'],
  to: ['To', 'Komu', 'Til', 'An', 'Para', 'Vastaanottaja', 'À', 'Prima', 'Címzett', 'A', 'Aan', 'Do', 'Destinatarul', 'Кому', 'Pre', 'Till',
    'Kime', 'Pour', 'Adresat', '送信先'],
  replyTo: ['Reply-To', 'Odgovori na', 'Odpověď na', 'Svar til', 'Antwoord aan', 'Vastaus', 'Répondre à', 'Antwort an', 'Válaszcím',
    'Rispondi a', 'Odpowiedź-do', 'Responder A', 'Responder a', 'Răspuns către', 'Ответ-Кому', 'Odpovedať-Pre', 'Svara till', 'Yanıt Adresi',
    'Кому відповісти'],
  cc: ['Cc', 'CC', 'Kopie', 'Kopio', 'Másolat', 'Kopi', 'Dw', 'Копия', 'Kopia', 'Bilgi', 'Копія', 'Másolatot kap', 'Kópia', 'DW',
    'Kopie (CC)', 'Copie à'],
  date: ['Date', 'Datum', 'Dato', 'Envoyé', 'Fecha', 'Päivämäärä', 'Dátum', 'Data', 'Dată', 'Дата', 'Tarih', 'Sent', 'Päiväys', '日付'],
  subject: ['subject', 'předmět', 'emne', 'betreff', 'asunto', 'aihe', 'objet', 'predmet', 'tárgy', 'oggetto', 'onderwerp', 'temat', 'assunto',
    'subiectul', 'тема', 'ämne', 'konu', 'sujet', 'naslov', '件名'],
};

export const FIELD_OF = new Map<string, Field>(Object.entries(LABELS).flatMap(([f, ls]) => ls.map((l) => [l, f as Field] as const)));

/** Labels Outlook may embolden ("*From:* ..."). Subject is the one field that must start the line. */
export const STARRED = new Set(['From', 'To', 'Cc', 'Sent', 'subject']);

const lax = (labels: string[], shape: (l: string) => string, flags: string): Array<[RegExp, string]> =>
  labels.map((l) => [new RegExp(shape(l), flags), flags.includes('i') ? l.toLowerCase() : l]);

// Yahoo Mail runs its header block into one line ("From: x <a> To: y Sent: ..."): labels anywhere.
export const SUBJECT_LAX = lax(['Subject', 'Emne', 'Předmět', 'Betreff', 'Asunto', 'Aihe', 'Objet', 'Tárgy', 'Oggetto', 'Onderwerp', 'Assunto',
  'Temat', 'Subiect', 'Тема', 'Predmet', 'Ämne', 'Konu'], (l) => (l === 'Assunto' ? `${l}\\s?:?(.+)` : `${l}\\s?:(.+)`), 'i');
export const FROM_LAX = lax(['From', 'Od', 'Fra', 'Von', 'De', 'Lähettäjä', 'Feladó', 'Da', 'Van', 'De la', 'От', 'Från', 'Kimden', 'Від'],
  (l) => `(\\s*${l}\\s?:(.+?)\\s?\\n?\\s*[[|<](.+?)[\\]|>])`, '');
export const TO_LAX = lax(['To', 'Komu', 'Til', 'An', 'Para', 'Vastaanottaja', 'À', 'Címzett', 'A', 'Aan', 'Do', 'Către', 'Кому', 'Till', 'Kime'],
  (l) => `\\s*${l}\\s?:(.+)$`, 'm');
export const CC_LAX = lax(['Cc', 'CC', 'Kopie', 'Kopio', 'Másolat', 'Kopi', 'Dw', 'Копия', 'Kópia', 'Kopia', 'Копія'],
  (l) => (l === 'Dw' ? `\\s*${l}\\s?(.+)$` : `\\s*${l}\\s?:(.+)$`), 'm');
export const DATE_LAX = lax(['Datum', 'Sendt', 'Gesendet', 'Sent', 'Enviado', 'Envoyé', 'Lähetetty', 'Elküldve', 'Inviato', 'Verzonden',
  'Wysłano', 'Trimis', 'Отправлено', 'Odoslané', 'Skickat', 'Gönderilen', 'Відправлено'], (l) => `\\s*${l}\\s?:(.+)$`, 'm');

/** Mailbox shapes, tried in order at the start of a header value; with two groups, the first is the name. */
export const MAILBOX: RegExp[] = [
  /^\s?\n?\s*<.+?<mailto:(.+?)>>/,
  /^(.+?)\s?\n?\s*<.+?<mailto:(.+?)>>/,
  /^(.+?)\s?\n?\s*[[|<]mailto:(.+?)[\]|>]/,
  /^'(.+?)'\s?\n?\s*[[|<](.+?)[\]|>]/,
  /^"'(.+?)'"\s?\n?\s*[[|<](.+?)[\]|>]/,
  /^"(.+?)"\s?\n?\s*[[|<](.+?)[\]|>]/,
  /^([^,;]+?)\s?\n?\s*[[|<](.+?)[\]|>]/,
  /^(.?)\s?\n?\s*[[|<](.+?)[\]|>]/,
  /^([^\s@]+@[^\s@]+\.[^\s@,]+)/,
  /^([^;].+?)\s?\n?\s*[[|<](.+?)[\]|>]/,
];
export const ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
