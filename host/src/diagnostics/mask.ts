// Secrets never leave the decoder: the ones the user names (`--mask`, or the password espwifi
// itself used) and the ones a line shows in a known place (ESP-AT's `AT+CWJAP="ssid","pw"`, the
// ESP-IDF station example's `password:pw`) are replaced in every line before anything reads or
// stores it; a secret learnt from such a line is masked in every later line too.
export const MASK = '********';

export type Masker = (text: string) => string;

const SHOWN_SECRETS: RegExp[] = [
  /(AT\+CWJAP(?:_CUR|_DEF)?="(?:[^"\\]|\\.)*",")((?:[^"\\]|\\.)*)(")/,
  /(\bpassword:\s?)(\S+?)(,?\s*$|,\s)/i,
];

const SHOWN_HINT = /assword|CWJAP/;

export function makeMasker(secrets: readonly string[]): Masker {
  const list = [...new Set(secrets.filter((s) => s.length > 0))];
  const sorted = () => [...list].sort((a, b) => b.length - a.length);
  let ordered = sorted();
  return (text) => {
    let out = text;
    if (SHOWN_HINT.test(out)) for (const re of SHOWN_SECRETS) {
      const m = re.exec(out);
      if (m && m[2] && m[2] !== MASK && !list.includes(m[2])) {
        list.push(m[2]);
        ordered = sorted();
      }
    }
    for (const s of ordered) if (out.includes(s)) out = out.split(s).join(MASK);
    return out;
  };
}
