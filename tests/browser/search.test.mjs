// The site search (search/index.html with assets/search.js) in Chromium at
// phone size, on the demo site as built: recall over a fixed query set
// (every item whose title or text holds the query is found), precision for
// quoted phrases, the browser's segmentation agreeing with the index, a
// hostile title shown as text, no results, the bytes a two-word query
// fetches, keyboard use, axe-core and no foreign requests.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { binary, buildSite, launch, repoRoot, screenshot, serve, viewports, watchedPage } from "./support.mjs";

const axeSource = fs.readFileSync(path.join(repoRoot, "node_modules/axe-core/axe.min.js"), "utf8");

// Chinese words and names of the demo, long and short, and a number.
const recallQueries = ["产教融合", "校企合作", "实训", "技能竞赛", "汽车工程学院", "护理", "志愿服务", "非遗", "职业教育",
                       "一等奖", "青岚", "双选会", "机器人", "开放日", "新能源汽车", "大国工匠", "2025", "直播", "社区", "Ｐｌｃ"];
const phraseQueries = ["技能竞赛", "校企合作", "产教融合", "实训基地", "职业体验", "汽车维修"];

function readDocuments(dir) {
  const folder = path.join(dir, "search/d");
  return fs.readdirSync(folder).map((name) => {
    const file = fs.readFileSync(path.join(folder, name), "utf8"), newline = file.indexOf("\n");
    return { id: Number(name.replace(".txt", "")), ...JSON.parse(file.slice(0, newline)), x: file.slice(newline + 1) };
  });
}
// What the test counts as "holds the query": NFKC, lower case, title or text.
const plain = (s) => s.normalize("NFKC").toLowerCase();
const holding = (docs, query) => docs.filter((d) => plain(d.t).includes(plain(query)) || plain(d.x).includes(plain(query)));

async function searchPage(context, server, query, options = {}) {
  const { page, problems } = await watchedPage(context, server.origin);
  const requests = [];
  page.on("response", async (response) => {
    if (!response.url().includes("/search/")) return;
    const body = await response.body().catch(() => Buffer.alloc(0));
    requests.push({ url: response.url(), bytes: body.length });
  });
  await page.goto(server.root + "search/index.html?q=" + encodeURIComponent(query) + (options.kind ? "&kind=" + options.kind : ""));
  await page.waitForSelector(".search-app[data-ready=true]");
  return { page, problems, requests };
}

// Every result's link, after pressing 显示更多 until it goes.
async function allResults(page) {
  while (await page.locator(".search-more").isVisible()) {
    const before = await page.locator(".search-result").count();
    await page.locator(".search-more").click();
    await page.waitForFunction((n) => document.querySelectorAll(".search-result").length > n ||
      document.querySelector(".search-more").hidden, before);
  }
  return page.$$eval(".search-result h2 a", (links) => links.map((a) => new URL(a.href).pathname.replace(/^\/zjz2025\//, "")));
}

describe("site search", () => {
  let server, browser, context, docs, publicDir;
  before(async () => {
    publicDir = buildSite();
    docs = readDocuments(publicDir);
    server = await serve(publicDir);
    browser = await launch();
    context = await browser.newContext({ viewport: viewports.phone });
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it("finds every item that holds the query (recall over a fixed query set)", async () => {
    const misses = [];
    let expectedTotal = 0;
    for (const query of recallQueries) {
      const { page, problems } = await searchPage(context, server, query);
      const found = new Set(await allResults(page));
      const expected = holding(docs, query);
      expectedTotal += expected.length;
      for (const d of expected) if (!found.has(d.u)) misses.push(`${query}: ${d.t} (${d.u})`);
      assert.deepEqual(problems, [], query);
      await page.close();
    }
    assert.deepEqual(misses, []);
    assert.ok(expectedTotal > 150, `the query set should hit many items, hit ${expectedTotal}`);
  });

  it("returns exactly the items that hold a quoted phrase (precision)", async () => {
    for (const query of phraseQueries) {
      for (const quoted of [`"${query}"`, `“${query}”`]) {
        const { page } = await searchPage(context, server, quoted);
        const found = (await allResults(page)).sort();
        const expected = holding(docs, query).map((d) => d.u).sort();
        assert.deepEqual(found, expected, quoted);
        assert.ok(expected.length > 0, quoted);
        assert.match(await page.locator(".search-status").textContent(), new RegExp(`找到 ${expected.length} 条结果`));
        await page.close();
      }
    }
  });

  it("segments every title and text in the browser as the index did", async () => {
    const { page } = await searchPage(context, server, "");
    const shards = {};
    for (const name of fs.readdirSync(path.join(publicDir, "search/s"))) {
      Object.assign(shards, JSON.parse(fs.readFileSync(path.join(publicDir, "search/s", name), "utf8")));
    }
    const problems = await page.evaluate(({ docs, shards }) => {
      const s = window.zhuanlanSearch, out = [], postings = new Map();
      for (const doc of docs) {
        for (const [field, inTitle] of [[doc.t, true], [doc.x, false]]) {
          for (const term of s.terms(s.normalize(field))) {
            if (!postings.has(term)) postings.set(term, shards[term] ? s.decode(shards[term]) : new Map());
            const flags = postings.get(term).get(doc.id);
            if (flags === undefined || (inTitle && !(flags & 1))) out.push(`${doc.t}: “${term}”`);
          }
        }
      }
      return out;
    }, { docs, shards });
    assert.deepEqual(problems.slice(0, 20), []);
    await page.close();
  });

  it("ranks title matches first and newer items first among them", async () => {
    const { page } = await searchPage(context, server, "技能竞赛");
    const urls = await allResults(page);
    const byUrl = new Map(docs.map((d) => [d.u, d]));
    const inTitle = urls.map((u) => plain(byUrl.get(u).t).includes("技能竞赛"));
    const firstBody = inTitle.indexOf(false);
    assert.ok(firstBody > 0, "some titles hold the query");
    assert.ok(inTitle.slice(firstBody).every((x) => !x), "a title match after a body match");
    const ids = urls.slice(0, firstBody).map((u) => byUrl.get(u).id);
    assert.deepEqual(ids, [...ids].sort((a, b) => a - b), "title matches newest first");
    // Matches are marked in title and excerpt.
    assert.ok((await page.locator(".search-result").first().locator("mark").count()) >= 2);
    await screenshot(page, "search-results-390");
    await page.close();
  });

  it("filters by kind and keeps the query and kind in the address", async () => {
    const { page } = await searchPage(context, server, "技能竞赛");
    await page.locator("input[name=kind][value=activity]").check();
    await page.waitForSelector(".search-app[data-ready=true]");
    assert.match(page.url(), /[?&]kind=activity/);
    assert.match(decodeURIComponent(page.url()), /q=技能竞赛/);
    const urls = await allResults(page);
    assert.ok(urls.length > 0 && urls.every((u) => u.startsWith("schedule/")), urls.join(" "));
    const expected = holding(docs, "技能竞赛").filter((d) => d.k === 1).length;
    assert.ok(urls.length >= expected);
    await page.close();
  });

  it("says 没有找到 and suggests what to try", async () => {
    const { page, problems } = await searchPage(context, server, "量子计算机 火星基地");
    assert.match(await page.locator(".search-status").textContent(), /没有找到与“量子计算机 火星基地”相关的内容/);
    assert.equal(await page.locator(".search-empty").isVisible(), true);
    const ideas = await page.locator(".search-try-links a").allTextContents();
    assert.deepEqual(ideas, ["量子计算机", "火星基地"]);
    assert.equal(await page.locator(".search-result").count(), 0);
    const short = await searchPage(context, server, "茶 车");
    assert.match(await short.page.locator(".search-status").textContent(), /至少两个字/);
    assert.deepEqual(problems, []);
    await short.page.close();
    await page.close();
  });

  it("fetches only the shards of a two-word query and the documents it shows", async () => {
    const query = "技能 竞赛";
    const { page, requests } = await searchPage(context, server, query);
    const expected = await page.evaluate((q) => {
      const s = window.zhuanlanSearch, parsed = s.parse(q), terms = new Set(parsed.joins);
      for (const p of parsed.parts) for (const t of [...p.terms, ...p.words]) terms.add(t);
      return [...terms];
    }, query);
    const meta = JSON.parse(fs.readFileSync(path.join(publicDir, "search/index.json"), "utf8"));
    const width = Math.max(1, (meta.shards - 1).toString(16).length);
    const shardNames = await page.evaluate(({ terms, shards, width }) =>
      [...new Set(terms.map((t) => (window.zhuanlanSearch.hash(t) & (shards - 1)).toString(16).padStart(width, "0")))].sort(),
    { terms: expected, shards: meta.shards, width });
    const fetched = (kind) => requests.filter((r) => new URL(r.url).pathname.includes(`/search/${kind}/`));
    const shardsFetched = fetched("s").map((r) => path.basename(new URL(r.url).pathname, ".json")).sort();
    assert.deepEqual(shardsFetched, shardNames);
    assert.ok(fetched("d").length <= 10, `${fetched("d").length} documents fetched`);
    const bytes = requests.filter((r) => !r.url.endsWith(".html") && !r.url.includes(".html?")).reduce((n, r) => n + r.bytes, 0);
    console.log(`two-word query "${query}": ${requests.length} requests, ${bytes} bytes (${shardsFetched.length} shards of ${meta.shards})`);
    assert.ok(bytes < 60000, `${bytes} bytes`);
    await page.close();
  });

  it("shows a hostile title as text", async () => {
    const site = fs.mkdtempSync(path.join(os.tmpdir(), "zhuanlan-search-"));
    try {
      const content = path.join(site, "content");
      fs.mkdirSync(path.join(content, "news"), { recursive: true });
      fs.writeFileSync(path.join(content, "site.json"), JSON.stringify({
        school: "测试职业技术学院", title: "2025年职业教育活动周", theme: "一技在手，一生无忧",
        week: { start: "2025-05-11", end: "2025-05-17" }, base_url: "https://www.example.edu.cn/zjz2025/" }));
      const title = `<img src=x onerror="window.pwned=1">"&amp;<b>危险标题</b>`;
      fs.writeFileSync(path.join(content, "news/hostile.md"),
        `---\ntitle: '${title.replace(/'/g, "''")}'\ndate: 2025-05-12\ndepartment: 教务处\n---\n危险标题的正文：\`<img src=y onerror="window.pwned=2">\`\n`);
      execFileSync(binary, ["build", "--site", site, "--out", path.join(site, "public")], { stdio: "pipe" });
      const own = await serve(path.join(site, "public"));
      try {
        const { page, problems } = await searchPage(context, own, "危险标题");
        assert.equal(await page.locator(".search-result").count(), 1);
        assert.equal(await page.locator(".search-result h2 a").textContent(), title);
        assert.equal(await page.locator(".search-results img, .search-results script, .search-results b").count(), 0);
        assert.equal(await page.evaluate(() => window.pwned), undefined);
        assert.match(await page.locator(".search-excerpt").textContent(), /<img src=y onerror="window\.pwned=2">/);
        assert.deepEqual(problems, []);
        await page.close();
      } finally {
        await own.close();
      }
    } finally {
      fs.rmSync(site, { recursive: true, force: true });
    }
  });

  it("works from the header box by keyboard and is accessible", async () => {
    const { page, problems } = await watchedPage(context, server.origin);
    await page.goto(server.root + "news/index.html");
    await page.locator("#site-search-q").focus();
    await page.keyboard.type("校企合作");
    await page.keyboard.press("Enter");
    await page.waitForSelector(".search-app[data-ready=true]");
    assert.match(decodeURIComponent(page.url()), /search\/index\.html\?q=校企合作/);
    const status = page.locator(".search-status");
    assert.equal(await status.getAttribute("aria-live"), "polite");
    assert.match(await status.textContent(), /找到 \d+ 条结果/);
    // A new search from the page's own form, by keyboard.
    await page.locator("#search-query").fill("");
    await page.locator("#search-query").focus();
    await page.keyboard.type("护理");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => new URLSearchParams(location.search).get("q") === "护理");
    await page.waitForSelector(".search-app[data-ready=true]");
    assert.match(await status.textContent(), /找到 \d+ 条结果/);
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(() =>
      window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), []);
    // Back goes to the previous search.
    await page.goBack();
    await page.waitForFunction(() => document.querySelector("#search-query").value === "校企合作");
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("says that it needs JavaScript and links the lists without it", async () => {
    const noScript = await browser.newContext({ viewport: viewports.phone, javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(server.root + "search/index.html?q=实训");
    assert.equal(await page.locator(".search-app").isVisible(), false);
    assert.match(await page.locator("main").innerText(), /需要浏览器开启 JavaScript/);
    const lists = await page.locator(".search-browse a").allTextContents();
    for (const name of ["每日动态", "活动安排", "成果展"]) assert.ok(lists.includes(name), lists.join(" "));
    await screenshot(page, "search-nojs-390");
    await noScript.close();
  });
});
