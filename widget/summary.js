/* Chorus: the honesty line under the testimonial wall ("37 ervaringen ontvangen · 31 gepubliceerd
   · gemiddeld 4,8 van 5 uit 29 beoordelingen"). The testimonials widget loads this module only
   when the owner asks for it (data-summary), so the first load stays within its budget. The
   service sends the counts with the testimonials; no average below TESTIMONIAL_MIN_COUNT.
   Served minified. */

// The line's words by language, put in by the build from the catalogs (service/text,
// widget.summary.*): KEY_one where the language takes the singular (1; in French 0 too, as the
// browser's plural rules know), KEY_other for any other count.
const STRINGS = "@include strings";

// The line for `summary` (the API's shape) in `lang`, numbers written as its readers write them.
export const line = (summary, lang) => {
  const strings = STRINGS[lang];
  const count = new Intl.NumberFormat(lang);
  const decimal = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const rule = new Intl.PluralRules(lang);
  const say = (key, n, average) =>
    strings[key + (rule.select(n) === "one" ? "_one" : "_other")].replace("{n}", count.format(n)).replace("{a}", average);
  const parts = [say("received", summary.received), say("published", summary.published)];
  if (summary.rating_average != null) {
    parts.push(say("average", summary.rating_count, decimal.format(summary.rating_average)));
  }
  return parts.join(" · ");
};
