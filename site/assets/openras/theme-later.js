// On the assessment page, Material's own script (search, the light or dark switch, the
// header's title) is not loaded with the page: its start-up is one long task (50 to
// 200 ms) that makes a phone stutter while the calculator starts. It is loaded the
// first time someone reaches for the header (by pointer, touch or keyboard) or presses
// Material's search keys ("/", "s", "f"). The page's own content needs none of it.
//
// What Material would do at once is done here: the palette follows the device's light
// or dark setting (nothing is remembered between pages: palette.html), and the switch
// for the other palette is shown. Once Material is there, it is told the person's
// choice, and a search key opens the search as it would have.

const tag = document.querySelector("script[data-theme-script]");
const source = tag ? tag.dataset.themeScript : "";
const palettes = [...document.querySelectorAll("input[data-md-color-media]")];

function showPalette(input) {
  for (const name of ["mdColorScheme", "mdColorPrimary", "mdColorAccent"]) {
    if (input.dataset[name]) document.body.dataset[name] = input.dataset[name];
  }
  input.checked = true;
  // Each palette's label switches to the next one: only the chosen palette's is shown.
  for (const other of palettes) {
    const label = other.nextElementSibling;
    if (label instanceof HTMLElement) label.hidden = other !== input;
  }
}

function devicePalette() {
  return palettes.find((input) => matchMedia(input.dataset.mdColorMedia).matches) || palettes[0];
}

let loading = false;
let searchWanted = false;

function openSearch() {
  const toggle = document.getElementById("__search");
  const field = document.querySelector(".md-search__input");
  if (!(toggle instanceof HTMLInputElement) || !(field instanceof HTMLElement)) return;
  toggle.checked = true;
  toggle.dispatchEvent(new Event("change"));
  field.focus();
}

function started() {
  // Material starts on the device's palette: if the person has switched since, say so.
  const chosen = palettes.find((input) => input.checked);
  if (chosen && chosen !== devicePalette()) chosen.dispatchEvent(new Event("change"));
  if (searchWanted) openSearch();
}

function load() {
  if (loading || !source) return;
  loading = true;
  for (const [type, listener] of LISTENERS) document.removeEventListener(type, listener, true);
  const script = document.createElement("script");
  script.src = source;
  script.onload = () => {
    // Material starts on DOMContentLoaded, which has already happened: it is told again.
    document.dispatchEvent(new Event("DOMContentLoaded"));
    setTimeout(started);
  };
  document.body.append(script);
}

const NEEDS = ".md-header, .md-search";

function reached(event) {
  if (event.target instanceof Element && event.target.closest(NEEDS)) load();
}

function shortcut(event) {
  if (!["/", "s", "S", "f", "F"].includes(event.key) || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.target instanceof Element && event.target.closest("input, textarea, select, [contenteditable]")) return;
  event.preventDefault(); // the key is for the search, not for the page
  searchWanted = true;
  load();
}

const LISTENERS = [
  ["pointerdown", reached],
  ["focusin", reached],
  ["touchstart", reached],
  ["keydown", shortcut],
];

// Until Material is there, a click on the palette switch is done here.
for (const input of palettes) {
  input.addEventListener("change", () => {
    if (!loading && input.checked) showPalette(input);
  });
}
if (palettes.length) showPalette(devicePalette());
for (const query of ["(prefers-color-scheme: dark)", "(prefers-color-scheme: light)"]) {
  matchMedia(query).addEventListener("change", () => {
    if (!loading && palettes.length) showPalette(devicePalette());
  });
}
for (const [type, listener] of LISTENERS) document.addEventListener(type, listener, { capture: true, passive: false });
