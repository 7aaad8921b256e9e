// Bytes a search fetches, in Chromium: zhuanlan's search page and
// Pagefind's JavaScript API over their indexes of the same items.
//   node bench/search/query.mjs zhuanlan SITE_DIR "技能 竞赛"
//   node bench/search/query.mjs pagefind SITE_DIR "技能 竞赛"
// Prints one line of JSON: results, requests, bytes. Uses playwright-core
// and the test server of tests/browser (the product's dev dependencies).
import fs from "node:fs";
import path from "node:path";
import { launch, serve } from "../../tests/browser/support.mjs";

const [kind, dir, query] = process.argv.slice(2);
if (!kind || !dir || !query) {
  console.error("usage: query.mjs zhuanlan|pagefind SITE_DIR QUERY");
  process.exit(2);
}
if (kind === "pagefind") {
  // The first ten results with their excerpts, as Pagefind's default UI shows them.
  fs.writeFileSync(path.join(dir, "bench-query.html"), `<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><title>q</title>
<script type="module">
const pagefind = await import("./pagefind/pagefind.js");
await pagefind.options({});
const search = await pagefind.search(${JSON.stringify(query)});
const shown = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
window.done = { results: search.results.length, shown: shown.length };
</script></html>`);
}
const server = await serve(path.resolve(dir));
const browser = await launch();
const page = await browser.newPage();
let requests = 0, bytes = 0;
const counted = kind === "pagefind" ? "/pagefind/" : "/search/";
page.on("response", async (response) => {
  if (response.status() >= 400) console.error(`HTTP ${response.status()}: ${response.url()}`);
  const url = new URL(response.url());
  const isAsset = kind === "zhuanlan" && /\/assets\/search\.[0-9a-f]+\.js$/.test(url.pathname);
  if (!(url.pathname.includes(counted) && !url.pathname.endsWith(".html")) && !isAsset) return;
  const body = await response.body().catch(() => Buffer.alloc(0));
  requests++;
  bytes += body.length;
});
let results;
if (kind === "pagefind") {
  await page.goto(server.root + "bench-query.html");
  results = (await (await page.waitForFunction(() => window.done, null, { timeout: 120000 })).jsonValue()).results;
} else {
  await page.goto(server.root + "search/index.html?q=" + encodeURIComponent(query));
  await page.waitForSelector(".search-app[data-ready=true]", { timeout: 120000 });
  results = Number(((await page.locator(".search-status").textContent()).match(/\d+/) || ["0"])[0]);
}
await page.waitForLoadState("networkidle");
console.log(JSON.stringify({ kind, query, results, requests, bytes }));
await browser.close();
await server.close();
