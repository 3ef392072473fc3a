// Runs in <head>, before the page is drawn: with JavaScript the assessment shows one
// step at a time, so mark the page now to avoid a flash of every question. Material's
// script, which would swap "no-js" for "js", comes later on this page (theme-later.js),
// so that is done here too, and the header's search is drawn from the start.
document.documentElement.classList.add("openras-js", "js");
document.documentElement.classList.remove("no-js");
