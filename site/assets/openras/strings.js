// The page's own words in its language (site/site_strings.py finds every call).
//   t("...", {name})          a string of the site's catalogue, its {placeholders} filled
//   tn("...", "...", n, {...})  one whose words depend on the number n
//   N_("...")                 names a string that the page says later, with t()
// An English page carries no translations. A page in another language carries those its
// scripts use, with its plural forms, in <script type="application/json" id="openras-words">
// (site/theme/main.html), so nothing is fetched and nothing waits. The worker has no
// page, so it only names strings (N_); the page says them.

const data = typeof document === "object" ? document.getElementById("openras-words") : null;
const catalogue = data ? JSON.parse(data.textContent) : { words: {}, plural: [] };

/** The page's language, from <html lang>. */
export const lang = typeof document === "object" ? document.documentElement.lang || "en" : "en";

function fill(text, values) {
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

export function t(msgid, values = {}) {
  const found = catalogue.words[msgid];
  return fill(typeof found === "string" ? found : msgid, values);
}

// The catalogue's plural form for n: `plural` lists it for 0, 1, 2, ... and its last
// entry holds for every larger n (the build checks that the language's rule says so).
function form(n) {
  const forms = catalogue.plural;
  return forms[Math.min(n, forms.length - 1)];
}

export function tn(singular, plural, n, values = {}) {
  const found = catalogue.words[singular];
  const all = { n, ...values };
  if (Array.isArray(found)) return fill(found[form(n)], all);
  return fill(n === 1 ? singular : plural, all);
}

export const N_ = (msgid) => msgid;
