// ICU MessageFormat for every catalogue (client screens, server e-mails and exports) through
// FormatJS' intl-messageformat: plural and select rules come from CLDR via Intl, so a
// translation carries its own grammar and needs no code. Compiled messages are cached because a
// screen formats the same few hundred messages on every render.
//
//   formatIcu('en', '{count, plural, one {# objection} other {# objections}}', { count: 2 })
//   // → '2 objections'
import { IntlMessageFormat } from 'intl-messageformat';

export type IcuParams = Readonly<Record<string, string | number>>;

type IcuElement = ReturnType<IntlMessageFormat['getAst']>[number];

const compiled = new Map<string, IntlMessageFormat>();

/**
 * Compiles (once per locale and text) an ICU message. Throws when the text is not valid ICU.
 * Tags are plain text here: the UI never builds markup from catalogue strings.
 */
export function compileIcu(locale: string, message: string): IntlMessageFormat {
  const cacheKey = `${locale}\u0000${message}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(message, locale, undefined, { ignoreTag: true });
    compiled.set(cacheKey, format);
  }
  return format;
}

const parameters = new Map<string, ReadonlySet<string>>();

/** The argument names an ICU message uses, at any depth (`#` is not an argument). */
export function icuParameters(message: string): ReadonlySet<string> {
  const known = parameters.get(message);
  if (known) return known;
  const names = new Set<string>();
  const visit = (elements: readonly IcuElement[]): void => {
    for (const element of elements) {
      // Every element but literal text and `#` (which has no value) names an argument. Literal
      // text is type 0 of the parser's TYPE enum, a package shared does not depend on directly.
      const isLiteral = (element.type as number) === 0;
      if (!isLiteral && 'value' in element && typeof element.value === 'string') {
        names.add(element.value);
      }
      if ('options' in element) {
        for (const option of Object.values(element.options)) visit(option.value);
      }
    }
  };
  visit(compileIcu('en', message).getAst());
  parameters.set(message, names);
  return names;
}

/**
 * Formats an ICU message. A parameter the caller did not give stays visible as `{name}`, so a
 * mistake shows on screen instead of breaking the page.
 */
export function formatIcu(locale: string, message: string, params: IcuParams = {}): string {
  const format = compileIcu(locale, message);
  const values: Record<string, string | number> = { ...params };
  for (const name of icuParameters(message)) {
    if (values[name] === undefined) values[name] = `{${name}}`;
  }
  const result = format.format(values);
  return typeof result === 'string' ? result : String(result);
}
