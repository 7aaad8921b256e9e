// Every kind of page the generator writes, in a real browser, at phone and
// desktop sizes: no errors or foreign requests, no WCAG 2.1 A/AA violation
// that axe-core finds, no sideways scrolling at 360 px, 44 px tap targets,
// content and navigation without JavaScript; screenshots of each.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import fs from "node:fs";
import path from "node:path";
import { buildSite, launch, repoRoot, screenshot, serve, viewports, watchedPage } from "./support.mjs";

const axeSource = fs.readFileSync(path.join(repoRoot, "node_modules/axe-core/axe.min.js"), "utf8");

// One example of each page type, found in the built site by its path.
const pageTypes = [
  ["home", /^index\.html$/], ["schedule", /^schedule\/index\.html$/], ["activity", /^schedule\/(?!index)[^/]+\.html$/],
  ["news-list", /^news\/index\.html$/], ["day", /^days\/[^_]+\.html$/], ["news", /^news\/(?!index)[^/]+\.html$/],
  ["department", /^departments\/(?!index)[^_]+\.html$/], ["tag", /^tags\/(?!index)[^_]+\.html$/],
  ["departments", /^departments\/index\.html$/], ["exhibition", /^exhibition\/index\.html$/],
  ["exhibit", /^exhibition\/(?!index)[^/]+\.html$/], ["exhibit-list", /^exhibition\/departments\/[^/]+\.html$/],
  ["exhibit-print", /^exhibition\/print\/[^/]+\.html$/], ["people", /^people\/index\.html$/],
  ["person", /^people\/(?!index)[^/]+\.html$/], ["tour", /^tour\/index\.html$/], ["tour-stop", /^tour\/(?!index)[^/]+\.html$/],
  ["media", /^media\/index\.html$/], ["stats", /^stats\/index\.html$/], ["free-page", /^pages\/[^/]+\.html$/],
  ["search", /^search\/index\.html$/], ["not-found", /^404\.html$/],
];
// Types every demo build has.
const required = ["home", "schedule", "activity", "news-list", "day", "news", "department", "tag", "tour", "tour-stop",
                  "media", "stats", "free-page", "not-found", "exhibition", "exhibit", "exhibit-list", "exhibit-print",
                  "people", "person", "search"];

function listHtml(dir, prefix = "") {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listHtml(path.join(dir, entry.name), prefix + entry.name + "/")
                        : entry.name.endsWith(".html") ? [prefix + entry.name] : []).sort();
}

describe("every page type", () => {
  let server, browser, examples;
  before(async () => {
    const publicDir = buildSite();
    const files = listHtml(publicDir);
    examples = pageTypes.flatMap(([type, pattern]) => {
      const file = files.find((f) => pattern.test(f));
      return file ? [[type, file]] : [];
    });
    server = await serve(publicDir);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("covers every page type the demo site has", () => {
    const found = examples.map(([type]) => type);
    for (const type of required) assert.ok(found.includes(type), `no ${type} page was written`);
  });

  for (const [size, viewport] of Object.entries(viewports)) {
    it(`has no errors, foreign requests or accessibility violations (${size})`, async () => {
      const failures = [];
      const context = await browser.newContext({ viewport });
      for (const [type, file] of examples) {
        const { page, problems } = await watchedPage(context, server.origin);
        // 404.html is seen as the answer to a missing address, at any depth.
        const missing = server.root + "no/such/page.html";
        await page.goto(type === "not-found" ? missing : server.root + file, { waitUntil: "load" });
        if (type === "not-found") {
          const expected = [`HTTP 404: ${missing}`, "console error: Failed to load resource: the server responded with a status of 404 (Not Found)"];
          problems.splice(0, problems.length, ...problems.filter((p) => !expected.includes(p)));
        }
        await page.addScriptTag({ content: axeSource });
        const result = await page.evaluate(() =>
          window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
        for (const v of result.violations) {
          failures.push(`${type} (${file}): ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
        }
        for (const p of problems) failures.push(`${type} (${file}): ${p}`);
        await screenshot(page, `page-${type}-${viewport.width}`);
        await page.close();
      }
      await context.close();
      assert.deepEqual(failures, []);
    });
  }

  it("needs no sideways scrolling at 360 px and keeps tap targets at least 44 px", async () => {
    const failures = [];
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    for (const [type, file] of examples) {
      await page.goto(server.root + file);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 360) failures.push(`${type}: page is ${width}px wide`);
      const small = await page.evaluate(() => {
        const out = [];
        for (const el of document.querySelectorAll("a[href], button, [role=button], input, select, summary")) {
          const style = getComputedStyle(el);
          if (style.visibility === "hidden" || el.closest("[hidden], [aria-hidden=true]")) continue;
          const rect = el.getBoundingClientRect();
          if (rect.width === 0 || rect.height === 0) continue;
          // Links inside running text are exempt, as in WCAG's target-size rule.
          if (el.tagName === "A" && el.closest("p, li, td, figcaption, dd") && style.display === "inline" &&
              el.closest(".article-body, .page-intro, .lead, .notes, .activity-facts, .media-meta, .card-meta")) continue;
          if (el.matches(".skip-link") && rect.left < 0) continue;
          if (rect.height < 44 || rect.width < 24) out.push(`${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 20)}" ${Math.round(rect.width)}×${Math.round(rect.height)}`);
        }
        return out;
      });
      for (const s of small.slice(0, 5)) failures.push(`${type} (${file}): small target ${s}`);
    }
    await context.close();
    assert.deepEqual(failures, []);
  });

  it("shows content and navigation without JavaScript", async () => {
    const context = await browser.newContext({ viewport: viewports.phone, javaScriptEnabled: false });
    const page = await context.newPage();
    for (const [type, file] of examples) {
      await page.goto(server.root + file);
      assert.ok(await page.locator("main h1").first().isVisible(), `${type}: no heading`);
      assert.ok((await page.locator("main").innerText()).trim().length > 20, `${type}: empty main`);
      assert.ok(await page.locator("nav.site-nav a").count() >= 2, `${type}: no navigation`);
    }
    await context.close();
  });

  it("publishes a well-formed Atom feed and sitemap", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const file of ["feed.xml", "sitemap.xml"]) {
      const response = await page.request.get(server.root + file);
      const text = await response.text();
      const report = await page.evaluate((xml) => {
        const doc = new DOMParser().parseFromString(xml, "application/xml");
        if (doc.querySelector("parsererror")) return { error: doc.querySelector("parsererror").textContent };
        const root = doc.documentElement;
        const atom = "http://www.w3.org/2005/Atom";
        const has = (el, name) => el.getElementsByTagNameNS(atom, name).length > 0;
        const entries = [...root.getElementsByTagNameNS(atom, "entry")];
        return {
          root: root.localName, ns: root.namespaceURI,
          feedOk: ["id", "title", "updated"].every((n) => has(root, n)),
          entries: entries.length,
          entriesOk: entries.every((e) => ["id", "title", "updated"].every((n) => has(e, n)) && (has(e, "link") || has(e, "content"))),
          urls: root.getElementsByTagName("loc").length,
        };
      }, text);
      assert.equal(report.error, undefined, `${file}: ${report.error}`);
      if (file === "feed.xml") {
        assert.equal(report.ns, "http://www.w3.org/2005/Atom");
        assert.ok(report.feedOk && report.entriesOk && report.entries > 0, JSON.stringify(report));
      } else {
        assert.equal(report.root, "urlset");
        assert.ok(report.urls > 50);
      }
    }
    await context.close();
  });
});
