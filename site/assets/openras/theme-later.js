// Material's own script (search, the light or dark switch, the header's title) is not
// loaded with the page: its start-up is one long task (50 to 200 ms) that makes a phone
// stutter as the page opens and delays the assessment's first answers. It is loaded the
// first time someone reaches for what needs it: the header (search, the palette switch)
// or the menu, by pointer, touch or keyboard. Everything else on a page works without
// it: links, the menu and the navigation are plain HTML and CSS.
//
// What Material would do at once is done here: the palette follows the device's light
// or dark setting (palette.html: nothing is remembered between pages).

const tag = document.querySelector("script[data-theme-script]");
const source = tag ? tag.dataset.themeScript : "";

// The palette whose media query matches, as Material's script chooses it.
function followDevicePalette() {
  for (const input of document.querySelectorAll("input[data-md-color-media]")) {
    if (!matchMedia(input.dataset.mdColorMedia).matches) continue;
    for (const name of ["mdColorScheme", "mdColorPrimary", "mdColorAccent"]) {
      if (input.dataset[name]) document.body.dataset[name] = input.dataset[name];
    }
    input.checked = true;
    return;
  }
}

let loading = false;

function load() {
  if (loading || !source) return;
  loading = true;
  for (const [type, listener] of LISTENERS) document.removeEventListener(type, listener, true);
  const script = document.createElement("script");
  script.src = source;
  // Material starts on DOMContentLoaded, which has already happened: it is told again.
  script.onload = () => document.dispatchEvent(new Event("DOMContentLoaded"));
  document.body.append(script);
}

// What needs Material's script: the header (search, palette switch), the search box, and
// the menu's toggles. "/" and "s" open the search when Material is there.
const NEEDS = ".md-header, .md-search, .md-sidebar, label[for='__drawer'], label[for='__search']";

function reached(event) {
  if (event.target instanceof Element && event.target.closest(NEEDS)) load();
}

function shortcut(event) {
  if (event.key === "/" || event.key === "s" || event.key === "S" || event.key === "f") {
    const field = event.target instanceof Element && event.target.closest("input, textarea, select, [contenteditable]");
    if (!field) load();
  }
}

const LISTENERS = [
  ["pointerdown", reached],
  ["focusin", reached],
  ["touchstart", reached],
  ["keydown", shortcut],
];

followDevicePalette();
for (const query of ["(prefers-color-scheme: dark)", "(prefers-color-scheme: light)"]) {
  matchMedia(query).addEventListener("change", () => {
    if (!loading) followDevicePalette();
  });
}
for (const [type, listener] of LISTENERS) document.addEventListener(type, listener, { capture: true, passive: true });
