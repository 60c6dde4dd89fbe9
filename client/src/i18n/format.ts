// Message formatting without a framework: `{name}` placeholders and CLDR plural forms through
// Intl.PluralRules, so a catalogue for any of the six UN languages needs no code of its own.
//
//   formatMessage('en', { one: '{count} amendment', other: '{count} amendments' }, { count: 2 })
//   // → '2 amendments'

/** A message with plural forms chosen by the `count` parameter (CLDR categories). */
export interface PluralMessage {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

export type Message = string | PluralMessage;

export type MessageParams = Readonly<Record<string, string | number>>;

const pluralRules = new Map<string, Intl.PluralRules>();

function pluralCategory(locale: string, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(count);
}

/** Fills `{name}` placeholders; numbers are formatted for the locale. Unknown names stay visible. */
export function interpolate(locale: string, template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : value;
  });
}

export function formatMessage(
  locale: string,
  message: Message,
  params: MessageParams = {},
): string {
  if (typeof message === 'string') return interpolate(locale, message, params);
  const count = typeof params.count === 'number' ? params.count : Number(params.count ?? 0);
  // An exact zero reads better as "no amendments" where a catalogue says so.
  const form =
    (count === 0 ? message.zero : undefined) ??
    message[pluralCategory(locale, count)] ??
    message.other;
  return interpolate(locale, form, params);
}
