// Every HTML page of the demo site is valid HTML: the Nu HTML Checker
// (vnu-jar from npm, run with the machine's Java) reports no error.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { it } from "node:test";
import path from "node:path";
import { buildSite, repoRoot } from "./support.mjs";

it("has no HTML errors on any page (Nu HTML Checker)", () => {
  const publicDir = buildSite();
  const vnu = path.join(repoRoot, "node_modules/vnu-jar/build/dist/vnu.jar");
  let output = "";
  try {
    execFileSync("java", ["-jar", vnu, "--errors-only", "--format", "json", "--skip-non-html", publicDir],
                 { stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    output = error.stderr.toString();  // vnu reports on stderr and exits non-zero when it finds errors
  }
  const messages = output ? JSON.parse(output).messages : [];
  const errors = messages.filter((m) => m.type === "error" || m.subType === "fatal")
    .map((m) => `${m.url.replace("file:" + publicDir, "")}:${m.lastLine}: ${m.message}`);
  assert.deepEqual(errors.slice(0, 30), []);
});
