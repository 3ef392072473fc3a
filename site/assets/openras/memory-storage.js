// Material for MkDocs calls these helpers to remember settings. They keep values in
// memory only, so nothing is ever written to the device's storage.
(function () {
  var memory = new Map();
  window.__md_scope = new URL(document.currentScript.src.replace(/assets\/openras\/memory-storage\.js.*$/, ""));
  window.__md_hash = function (text) {
    return [].reduce.call(text, function (hash, ch) { return (hash << 5) - hash + ch.charCodeAt(0); }, 0);
  };
  window.__md_get = function (key, _storage, scope) {
    var value = memory.get((scope || window.__md_scope).pathname + "." + key);
    return value === undefined ? null : JSON.parse(value);
  };
  window.__md_set = function (key, value, _storage, scope) {
    memory.set((scope || window.__md_scope).pathname + "." + key, JSON.stringify(value));
  };
})();
