// Entry point of the language server process (stdio, IPC or socket, as the
// command line says: --stdio, --node-ipc, --socket=N).
import { startServer } from './server.js';

startServer();
