// The standard library's other modules: the site's python_stdlib.zip holds only what the
// site imports (site/stdlib_split.py finds out at build time); the others are in
// python_stdlib_rest.zip, named by boot.json. This puts a finder on Python's
// sys.meta_path, just before the ordinary one, that knows those names: the first time
// one is imported, it downloads the rest zip (synchronously, which a worker may do: an
// import cannot wait) into Pyodide's file system and imports from it. So a module the
// build did not see used is slower to import, never missing. The service worker keeps
// the rest zip once it has been downloaded.
//
// The finder holds no reference into JavaScript until it downloads, so a memory
// snapshot made before any request can carry it; after a start from a snapshot it is
// put back (the file system is not in a snapshot, so the zip would be downloaded again).

const FINDER = `
import importlib.machinery, json, os, sys

class RestOfTheStandardLibrary:
    """Imports the modules of python_stdlib_rest.zip, downloading it the first time."""

    def __init__(self, url, names, path):
        self.url, self.names, self.path = url, frozenset(json.loads(names)), path

    def _download(self, fullname):
        from js import Uint8Array, XMLHttpRequest

        request = XMLHttpRequest.new()
        try:
            request.open("GET", self.url, False)
            request.responseType = "arraybuffer"
            request.send()
        except Exception as error:
            raise ImportError(f"{fullname}: {self.url} could not be loaded", name=fullname) from error
        if request.status != 200:
            raise ImportError(f"{fullname}: {self.url} could not be loaded ({request.status})", name=fullname)
        with open(self.path + ".part", "wb") as file:
            file.write(Uint8Array.new(request.response).to_bytes())
        os.replace(self.path + ".part", self.path)

    def find_spec(self, fullname, path=None, target=None):
        if fullname not in self.names:
            return None
        if not os.path.exists(self.path):
            self._download(fullname)
        parent = fullname.rpartition(".")[0]
        where = self.path + ("/" + parent.replace(".", "/") if parent else "")
        return importlib.machinery.PathFinder.find_spec(fullname, [where])

    def invalidate_caches(self):
        pass

def install(url, names):
    sys.meta_path[:] = [f for f in sys.meta_path if type(f).__name__ != "RestOfTheStandardLibrary"]
    finder = RestOfTheStandardLibrary(url, names, "/lib/python_stdlib_rest.zip")
    ordinary = importlib.machinery.PathFinder
    at = sys.meta_path.index(ordinary) if ordinary in sys.meta_path else len(sys.meta_path)
    sys.meta_path.insert(at, finder)

install
`;

/** Put the finder for the rest of the standard library in place (boot.json's `stdlib_rest`). */
export function installRest(pyodide, runtimeURL, rest) {
  if (!rest) return; // a site built without the split
  const scope = pyodide.toPy({}); // its own globals: nothing added to __main__
  const install = pyodide.runPython(FINDER, { globals: scope });
  scope.destroy();
  try {
    install(new URL(rest.file, runtimeURL).href, JSON.stringify(rest.modules));
  } finally {
    install.destroy();
  }
}
