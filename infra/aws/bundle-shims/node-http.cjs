// `import http from "node:http"` in an ESM bundle makes Node build an ES-module facade of `http`, which reads
// every export, lazy getters included: that loads undici (WebSocket, EventSource) with http2, assert,
// perf_hooks and worker_threads at init, for nothing. A CommonJS require of the same module reads none of them.
// biome-ignore lint/style/useNodejsImportProtocol: "node:http" is the specifier aliased to this file.
module.exports = require("http");
