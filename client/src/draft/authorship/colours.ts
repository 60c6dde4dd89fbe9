// A stable colour per stakeholder for the "who wrote what" view. Colours follow the order in which
// stakeholders were registered in the negotiation (new ones come last), so a stakeholder keeps its
// colour from one visit to the next. Hues step by the golden angle, so neighbours in that order
// never look alike. Every tint is light enough for body text in near-black (contrast above 7:1)
// and every marker dark enough for white text (above 4.5:1): colour is never the only cue, and
// never at the expense of reading.
//
//   const colours = stakeholderColours(negotiation.stakeholders.map((s) => s.stakeholderId));
//   colours.get(run.stakeholderId) ?? UNKNOWN_COLOUR;

export interface StakeholderColour {
  /** Behind the words. */
  tint: string;
  /** The underline and the code marker (white text on it). */
  mark: string;
}

const GOLDEN_ANGLE = 137.508;

/** HSL (hue in degrees, saturation and lightness 0–1) as a #rrggbb string. */
export function hslToHex(hue: number, saturation: number, lightness: number): string {
  const a = saturation * Math.min(lightness, 1 - lightness);
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    const value = lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

export function colourAt(index: number): StakeholderColour {
  const hue = (index * GOLDEN_ANGLE + 25) % 360;
  return { tint: hslToHex(hue, 0.75, 0.87), mark: hslToHex(hue, 0.65, 0.26) };
}

/** For words nobody is credited with, and for authors the negotiation does not list. */
export const UNKNOWN_COLOUR: StakeholderColour = { tint: '#e4e4e4', mark: '#4a4a4a' };

export function stakeholderColours(
  stakeholderIds: readonly string[],
): ReadonlyMap<string, StakeholderColour> {
  return new Map(stakeholderIds.map((id, index) => [id, colourAt(index)]));
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio between two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}
