// Loaded with `async` in the assessment page's head: it creates the calculator's worker
// as soon as this small file arrives, instead of after the page's other scripts, so a
// visit is ready sooner. The page's own modules take the worker over (client.js).
import { startEarly } from "./client.js";

startEarly();
