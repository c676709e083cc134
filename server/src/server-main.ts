// Entry of dist/server.js, the bundle the VS Code client starts.
import { startServer } from "./lsp/server";

startServer();
