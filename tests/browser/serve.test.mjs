// zhuanlan serve in a real browser: a page reloads itself after a news file
// is saved, shows a failed rebuild's problems over the page and clears them
// once the file is fixed, and takes a new stylesheet without reloading.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { launch, repoRoot, screenshot, startServe, temporaryFolder, viewports, watchedPage } from "./support.mjs";

const patience = { timeout: 60_000 };  // waits end as soon as their condition holds

function news(date, body) {
  return `---\ntitle: 预览中的新闻\ndate: ${date}\ndepartment: 教务处\n---\n${body}\n`;
}

describe("zhuanlan serve", () => {
  let site, serve, browser;
  const newsFile = () => path.join(site, "content/news/a.md");

  before(async () => {
    site = temporaryFolder();
    fs.mkdirSync(path.join(site, "content/news"), { recursive: true });
    fs.mkdirSync(path.join(site, "assets"));
    fs.writeFileSync(path.join(site, "content/site.json"), JSON.stringify({
      school: "青岚职业技术学院", title: "2025年职业教育活动周", theme: "一技在手，一生无忧",
      week: { start: "2025-05-11", end: "2025-05-17" }, base_url: "https://www.example.edu.cn/zjz2025/",
    }, null, 2));
    fs.writeFileSync(newsFile(), news("2025-05-13 09:00", "最初的正文。"));
    fs.copyFileSync(path.join(repoRoot, "assets/style.css"), path.join(site, "assets/style.css"));
    serve = await startServe(site);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    if (serve) assert.equal(await serve.stop(), 0, serve.output());
  });

  // A page of the preview; reloads end its events request, which is the
  // reload working, not a problem.
  async function open(viewport = viewports.desktop) {
    const context = await browser.newContext({ viewport });
    const { page, problems } = await watchedPage(context, serve.origin);
    await page.goto(serve.root + "news/a.html");
    await page.evaluate(() => { window.stillTheSamePage = true; });
    const realProblems = () => problems.filter((p) => !p.includes("/__zhuanlan/events"));
    return { context, page, realProblems };
  }

  it("reloads the page by itself after a news file is saved", async () => {
    const { context, page, realProblems } = await open();
    assert.ok((await page.textContent("main")).includes("最初的正文"));
    fs.writeFileSync(newsFile(), news("2025-05-13 09:00", "保存后自动出现的正文。"));
    await page.waitForFunction(() => document.querySelector("main")?.textContent.includes("保存后自动出现的正文"), null, patience);
    assert.equal(await page.evaluate(() => window.stillTheSamePage), undefined, "the page was reloaded");
    assert.deepEqual(realProblems(), []);
    await context.close();
  });

  for (const [name, viewport] of Object.entries(viewports)) {
    it(`shows a failed rebuild's problems over the page and clears them after the fix (${name})`, async () => {
      fs.writeFileSync(newsFile(), news("2025-05-13 09:00", "上一次成功的正文。"));
      const { context, page, realProblems } = await open(viewport);
      await page.waitForFunction(() => document.querySelector("main")?.textContent.includes("上一次成功的正文"), null, patience);

      fs.writeFileSync(newsFile(), news('"<b>2025-05-45</b>"', "坏掉的正文。"));
      const line = page.locator("#zhuanlan-serve-errors li").first();
      await line.waitFor({ state: "visible", ...patience });
      const text = await line.textContent();
      assert.match(text, /^content\/news\/a\.md 第 3 行：错误：/);
      assert.ok(text.includes("<b>"), `markup in the message is shown as text: ${text}`);
      assert.equal(await page.locator("#zhuanlan-serve-errors b").count(), 0);
      assert.equal(await page.locator("#zhuanlan-serve-errors [role=alert]").count(), 1);
      assert.ok(serve.output().includes(text), "the terminal shows the same line");
      // The last good page stays underneath.
      assert.ok((await page.textContent("main")).includes("上一次成功的正文"));
      await screenshot(page, `serve-error-overlay-${name}`);

      fs.writeFileSync(newsFile(), news("2025-05-13 09:00", "修好以后的正文。"));
      await page.locator("#zhuanlan-serve-errors").waitFor({ state: "detached", ...patience });
      await page.waitForFunction(() => document.querySelector("main")?.textContent.includes("修好以后的正文"), null, patience);
      assert.deepEqual(realProblems(), []);
      await context.close();
    });
  }

  it("takes a changed stylesheet without reloading the page", async () => {
    const { context, page, realProblems } = await open();
    const css = path.join(site, "assets/style.css");
    fs.appendFileSync(css, "\nbody { outline: 7px solid rgb(1, 2, 3); }\n");
    await page.waitForFunction(() => getComputedStyle(document.body).outlineColor === "rgb(1, 2, 3)", null, patience);
    assert.equal(await page.evaluate(() => window.stillTheSamePage), true, "the page was not reloaded");
    assert.equal(await page.locator('link[rel="stylesheet"]').count(), 2, "the old stylesheet is gone");
    assert.deepEqual(realProblems(), []);
    await context.close();
  });
});
