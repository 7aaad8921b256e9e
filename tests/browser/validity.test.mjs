// Every HTML page of the demo site is valid HTML: the Nu HTML Checker
// (vnu-jar from npm, run with the machine's Java) reports no error and no
// warning (such as obsolete attributes).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { it } from "node:test";
import path from "node:path";
import { buildSite, repoRoot } from "./support.mjs";

it("has no HTML errors or warnings on any page (Nu HTML Checker)", () => {
  const publicDir = buildSite();
  const vnu = path.join(repoRoot, "node_modules/vnu-jar/build/dist/vnu.jar");
  // vnu reports on stderr, with exit status 0 when it found only warnings.
  const run = spawnSync("java", ["-jar", vnu, "--format", "json", "--skip-non-html", publicDir],
                        { stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
  assert.equal(run.error, undefined);
  const output = run.stderr.toString();
  const messages = output ? JSON.parse(output).messages : [];
  const errors = messages.filter((m) => m.type === "error" || m.subType === "fatal" || m.subType === "warning")
    .map((m) => `${m.url.replace("file:" + publicDir, "")}:${m.lastLine}: ${m.message}`);
  assert.deepEqual(errors.slice(0, 30), []);
});
