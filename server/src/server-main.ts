// Entry of dist/server-bundle.js, the language server, which dist/server.js (server-loader.ts) loads.
import { startServer } from "./lsp/server";

startServer();
