// A copy of the calculator's memory as it starts, kept on this device so the next visit
// starts several times faster. It is made in the worker on a first visit, after the
// OpenRAS package is installed and the scheme loaded, and before any request is
// answered, so it never holds anyone's answers. It is kept, without its pages of zeros
// (about 15 MB) and with its SHA-256, in Cache Storage under a key that names the exact
// runtime, standard library, package and start-up code it came from (boot.json's
// `snapshot`, made by build.py); on any mismatch or failure it is thrown away and the
// calculator starts the ordinary way.
//
// Pyodide's memory snapshots are a private API (314.x): this module is the only place
// that knows about them, and every use is guarded.

const CACHE_PREFIX = "openras-memory-";
const KEY_HEADER = "X-OpenRAS-Snapshot";
const SUM_HEADER = "X-OpenRAS-Snapshot-SHA256";

function cacheName(key) {
  return `${CACHE_PREFIX}${key}`;
}

function entryURL(runtimeURL) {
  return new URL("memory-snapshot.bin", runtimeURL).href;
}

// About half of a snapshot is pages of zeros (memory the runtime has not used yet). They
// are left out when it is kept: a header, one bit for each 4 KiB page (1 = kept), then
// the kept pages in order. Unpacking is a copy into zeroed memory, much faster than
// gzip's inflate, which would cost a repeat visit a few hundred milliseconds.
const MAGIC = 0x3150414e; // "NAP1", little-endian
const PAGE = 4096;

function isZero(slice) {
  const words = slice.byteOffset % 4 === 0 ? new Uint32Array(slice.buffer, slice.byteOffset, slice.length >> 2) : null;
  if (words) {
    for (let i = 0; i < words.length; i++) if (words[i] !== 0) return false;
    for (let i = words.length * 4; i < slice.length; i++) if (slice[i] !== 0) return false;
    return true;
  }
  for (let i = 0; i < slice.length; i++) if (slice[i] !== 0) return false;
  return true;
}

function pack(bytes) {
  const pages = Math.ceil(bytes.length / PAGE);
  const bitmap = new Uint8Array(Math.ceil(pages / 8));
  const kept = [];
  for (let page = 0; page < pages; page++) {
    const start = page * PAGE;
    const slice = bytes.subarray(start, Math.min(start + PAGE, bytes.length));
    if (!isZero(slice)) {
      bitmap[page >> 3] |= 1 << (page & 7);
      kept.push(slice);
    }
  }
  const header = new Uint8Array(new Uint32Array([MAGIC, bytes.length, pages]).buffer);
  const packed = new Uint8Array(header.length + bitmap.length + kept.length * PAGE);
  let offset = 0;
  for (const part of [header, bitmap, ...kept]) {
    packed.set(part, offset);
    offset += part.length;
  }
  return packed.subarray(0, offset);
}

// A damaged copy could start and then give wrong figures (a test flipped 100 KB of one:
// Pyodide started from it without complaint), so every copy carries its SHA-256 and is
// checked before use (about 20 ms).
async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

async function checked(response) {
  const buffer = await response.arrayBuffer();
  if ((await sha256(buffer)) !== response.headers.get(SUM_HEADER)) throw new Error("a kept snapshot is damaged");
  return unpack(buffer);
}

function unpack(buffer) {
  const [magic, length, pages] = new Uint32Array(buffer, 0, 3);
  if (magic !== MAGIC || pages !== Math.ceil(length / PAGE)) throw new Error("not a kept snapshot");
  const bitmap = new Uint8Array(buffer, 12, Math.ceil(pages / 8));
  const bytes = new Uint8Array(length);
  let offset = 12 + bitmap.length;
  for (let page = 0; page < pages; page++) {
    if (!(bitmap[page >> 3] & (1 << (page & 7)))) continue;
    const size = Math.min(PAGE, length - page * PAGE);
    if (offset + size > buffer.byteLength) throw new Error("a kept snapshot is cut short");
    bytes.set(new Uint8Array(buffer, offset, size), page * PAGE);
    offset += size;
  }
  if (offset !== buffer.byteLength) throw new Error("a kept snapshot has extra bytes");
  return bytes;
}

/** Any snapshot-related cache other than `keep` (a site update leaves the old ones). */
async function staleCaches(keep) {
  const names = await caches.keys();
  return names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== keep);
}

/**
 * The snapshot kept for this exact key as `{bytes}`, or null (none, or another
 * build's). `bytes` is a promise, read and checked while the runtime's script loads.
 * Never throws: a problem here only means an ordinary start.
 */
export async function findSnapshot(key, runtimeURL) {
  if (!key || typeof caches === "undefined") return null;
  try {
    const cache = await caches.open(cacheName(key));
    const response = await cache.match(entryURL(runtimeURL));
    if (!response) return null;
    if (response.headers.get(KEY_HEADER) !== key) {
      await forgetSnapshots();
      return null;
    }
    const bytes = checked(response);
    bytes.catch(() => {}); // reported where it is awaited, by startFromSnapshot
    return { bytes }; // wrapped: an async function returning a promise would wait for it
  } catch {
    await forgetSnapshots();
    return null;
  }
}

/** Keep `bytes` as the snapshot for `key`, replacing any other. Never throws. */
export async function keepSnapshot(key, runtimeURL, bytes) {
  if (!key || typeof caches === "undefined") return false;
  try {
    const body = pack(bytes);
    const headers = { "Content-Type": "application/octet-stream", [KEY_HEADER]: key, [SUM_HEADER]: await sha256(body) };
    const cache = await caches.open(cacheName(key));
    await cache.put(entryURL(runtimeURL), new Response(body, { headers }));
    await Promise.all((await staleCaches(cacheName(key))).map((name) => caches.delete(name)));
    return true;
  } catch {
    await forgetSnapshots();
    return false;
  }
}

/** Throw away every kept snapshot (after a failed start from one, or on request). */
export async function forgetSnapshots() {
  if (typeof caches === "undefined") return;
  try {
    await Promise.all((await staleCaches(null)).map((name) => caches.delete(name)));
  } catch {
    // Nothing more can be done; the next start is an ordinary one either way.
  }
}

// Python's state is made ready to be copied: micropip and the modules it brought are
// dropped (they hold references into JavaScript, which a snapshot cannot carry, and the
// calculator never needs them again), and Pyodide's record of loaded packages is
// emptied for the copy and put back after it.
const FORGET_INSTALLER = `
import gc, sys
for name in [m for m in sys.modules if m.split(".")[0] in ("micropip", "pyodide_js", "packaging")]:
    del sys.modules[name]
gc.collect()
`;

/** A snapshot of `pyodide` as it is now: call before any request is answered. */
export function makeSnapshot(pyodide) {
  pyodide.runPython(FORGET_INSTALLER);
  const loaded = pyodide.loadedPackages;
  const kept = { ...loaded };
  for (const name of Object.keys(loaded)) delete loaded[name];
  try {
    return pyodide.makeMemorySnapshot();
  } finally {
    Object.assign(loaded, kept);
  }
}

// A snapshot's memory has the random generator's state of the moment it was made; every
// start from it reseeds, so no two visits share a sequence.
const AFTER_RESTORE = `
import sys
if "random" in sys.modules:
    sys.modules["random"].seed()
`;

/**
 * Pyodide started from a snapshot found by findSnapshot, with the package's files put
 * back where micropip installed them (a snapshot holds memory, not files; the package
 * reads its own data files and imports some modules only when needed). Throws if
 * anything is wrong.
 */
export async function startFromSnapshot(loadPyodide, options, { bytes: snapshot }, wheel, expectedVersion) {
  // Checked in full before Pyodide sees it: handed a promise that then failed, Pyodide
  // left the failure to surface in the next, ordinary start.
  const bytes = await snapshot;
  const pyodide = await loadPyodide({ ...options, _loadSnapshot: bytes });
  const site = pyodide.runPython("import os, ras_core; os.path.dirname(os.path.dirname(ras_core.__file__))");
  pyodide.unpackArchive(new Uint8Array(await wheel), "wheel", { extractDir: site });
  pyodide.runPython(AFTER_RESTORE);
  const version = pyodide.runPython("import ras_core; ras_core.__version__");
  if (version !== expectedVersion) throw new Error(`snapshot holds ras_core ${version}`);
  return pyodide;
}
