// Serves a built site under its base path for Lighthouse, using the
// browser tests' server; prints the root URL and runs until killed.
import { serve } from "../../tests/browser/support.mjs";
const server = await serve(process.argv[2]);
console.log(server.root);
