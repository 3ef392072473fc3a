// Runs in <head>, before the page is drawn: with JavaScript the assessment shows one
// step at a time, so mark the page now to avoid a flash of every question.
document.documentElement.classList.add("openras-js");
