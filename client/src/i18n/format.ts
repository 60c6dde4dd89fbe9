// Message formatting for the screens: every catalogue entry is an ICU MessageFormat string,
// formatted by the same FormatJS formatter the server uses for e-mails and exports
// (@accord/shared's formatIcu), so plural and select rules come from CLDR for every language.
//
//   formatMessage('en', '{count, plural, one {# amendment} other {# amendments}}', { count: 2 })
//   // → '2 amendments'
import { formatIcu, type IcuParams } from '@accord/shared';

/** One catalogue entry: an ICU MessageFormat string. */
export type Message = string;

export type MessageParams = IcuParams;

/** Formats `message` for `locale`; a parameter not given stays visible as `{name}`. */
export function formatMessage(
  locale: string,
  message: Message,
  params: MessageParams = {},
): string {
  return formatIcu(locale, message, params);
}
