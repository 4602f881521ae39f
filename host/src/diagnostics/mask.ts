// Secrets never leave the decoder: the ones the user names (`--mask`, or the password espwifi
// itself used) and the ones a line shows in a known place (ESP-AT's `AT+CWJAP="ssid","pw"` and
// `AT+CWSAP=`/`+CWSAP:`, a value after the word password: the ESP-IDF station example's
// `password:pw`, the provisioning examples' `Password : pw`, ESPHome's `Password: 'pw'`,
// `password=pw`, JSON's `"password":"pw"`) are replaced in every line before anything reads or stores it; a secret
// learnt from such a line is masked in every later line too.
import { CUT_HEAD, CUT_TAIL, type Cut } from './lines.js';

export const MASK = '********';

/** `cut`: the line was cut at the line limit (lines.ts) — a secret may stand there in part. */
export type Masker = (text: string, cut?: Cut) => string;

/** The secret is the one group that took part in the match (`d`: its position is known). */
const SHOWN_SECRETS: RegExp[] = [
  // The station's (AT+CWJAP) and the SoftAP's (AT+CWSAP, and its query answer +CWSAP:).
  /(?:AT\+CWJAP(?:_CUR|_DEF)?=|(?:AT)?\+CWSAP(?:_CUR|_DEF)?[=:])"(?:[^"\\]|\\.)*","((?:[^"\\]|\\.)*)"/d,
  // Quoted, or else up to the end of the line or a `, ` — a Wi-Fi password may contain spaces.
  /\bpassword"?\s*[:=]\s*(?:'([^']*)'|"([^"]*)"|(\S(?:.*?\S)?)(?=,?\s*$|,\s))/di,
];

/** A shown value shorter than any Wi-Fi key (WEP's 5 characters) is masked where it stands but not
 *  learnt: masking a `0` or `on` in every later line would wreck the log it is in. */
const MIN_LEARNT = 5;

const SHOWN_HINT = /assword|ASSWORD|CWJAP|CWSAP/;
/** What firmware prints instead of a password: no secret to learn. */
const NOT_SECRETS = new Set([MASK, '[redacted]']);

export function makeMasker(secrets: readonly string[]): Masker {
  const list = [...new Set(secrets.filter((s) => s.length > 0))];
  const sorted = () => [...list].sort((a, b) => b.length - a.length);
  let ordered = sorted();
  /** A shown value ran into the cut at the end of the last line: the next piece starts with its rest. */
  let shownRunsOn = false;
  return (text, cut = 0) => {
    let out = text;
    const runsOn = shownRunsOn;
    shownRunsOn = false;
    // Its end is where SHOWN_SECRETS would end it: the end of the line, a `, ` or a quote.
    if (runsOn && cut & CUT_HEAD) out = MASK + out.slice(/^[^'"]*?(?=,?\s*$|,\s|['"])/.exec(out)![0].length);
    if (SHOWN_HINT.test(out)) for (const re of SHOWN_SECRETS) {
      const m = re.exec(out);
      const g = m ? m.slice(1).findIndex((v) => v !== undefined) + 1 : 0;
      const secret = g > 0 ? m![g]! : '';
      if (!secret || NOT_SECRETS.has(secret)) continue;
      const [start, end] = m!.indices![g]!;
      if (cut & CUT_TAIL && end === out.length) shownRunsOn = true;
      out = out.slice(0, start) + MASK + out.slice(end);
      if (secret.length >= MIN_LEARNT && !list.includes(secret)) {
        list.push(secret);
        ordered = sorted();
      }
    }
    for (const s of ordered) if (out.includes(s)) out = out.split(s).join(MASK);
    return cut ? maskCutPieces(out, cut, ordered) : out;
  };
}

/** A known secret cut in two by the line limit: the end of a line cut there may hold its start,
 *  the start of the rest its end. Masked when at least one character matches (the longest match). */
function maskCutPieces(text: string, cut: Cut, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    if (cut & CUT_TAIL) {
      for (let k = Math.min(s.length - 1, out.length); k > 0; k--) {
        if (out.endsWith(s.slice(0, k))) {
          out = out.slice(0, out.length - k) + MASK;
          break;
        }
      }
    }
    if (cut & CUT_HEAD) {
      for (let k = Math.min(s.length - 1, out.length); k > 0; k--) {
        if (out.startsWith(s.slice(s.length - k))) {
          out = MASK + out.slice(k);
          break;
        }
      }
    }
  }
  return out;
}
