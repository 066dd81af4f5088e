/**
 * Danish formats for numbers, amounts and dates, the one implementation for documents (server) and
 * pages (web): 5.250 and 78,5, "5.250 kr.", dd.mm.åååå. Timestamps shown in Danish time stay with
 * the web's Intl formatting (src/web/i18n/format.ts).
 */

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number as Danes write it (5.250 / 78,5), with `minDecimals` to `maxDecimals` decimals. */
export function danishNumber(n: number, minDecimals = 0, maxDecimals = minDecimals): string {
  const key = `${minDecimals}:${maxDecimals}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('da-DK', {
      minimumFractionDigits: minDecimals,
      maximumFractionDigits: maxDecimals,
    });
    numberFormats.set(key, format);
  }
  return format.format(n);
}

/** The digits of an amount in kroner: whole kroner without decimals ("5.250"), øre with two ("5.250,50"). */
export const kronerAmount = (n: number) => danishNumber(n, Number.isInteger(n) ? 0 : 2);

/** Kroner: whole kroner without decimals ("5.250 kr."), øre with two ("5.250,50 kr."). */
export const kroner = (n: number) => `${kronerAmount(n)} kr.`;

/** åååå-mm-dd (or a timestamp starting with it) → dd.mm.åååå; other text unchanged. */
export function danishDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}
