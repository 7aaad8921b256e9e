// 长辈模式: reachable by keyboard, enlarges the text, and is remembered
// from page to page.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { buildSite, launch, serve, viewports, watchedPage } from "./support.mjs";

describe("elder-friendly mode", () => {
  let server, browser;
  before(async () => {
    server = await serve(buildSite());
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("is switched on by keyboard and kept on the next page", async () => {
    const context = await browser.newContext({ viewport: viewports.phone });
    const { page, problems } = await watchedPage(context, server.origin);
    await page.goto(server.root + "index.html");
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    const before = await size();
    const toggle = page.getByRole("button", { name: /长辈模式/ });
    await toggle.focus();
    await page.keyboard.press("Enter");
    assert.equal(await page.locator(".elder-toggle").getAttribute("aria-pressed"), "true");
    const bigger = await size();
    assert.ok(bigger >= before * 1.2, `${before}px -> ${bigger}px`);
    await page.goto(server.root + "news/index.html");
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains("elder")), true);
    assert.equal(await page.locator(".elder-toggle").getAttribute("aria-pressed"), "true");
    const lineHeight = await page.evaluate(() => parseFloat(getComputedStyle(document.body).lineHeight) /
                                                 parseFloat(getComputedStyle(document.body).fontSize));
    assert.ok(lineHeight >= 1.3, `line height ${lineHeight}`);
    await page.locator(".elder-toggle").click();
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains("elder")), false);
    await context.close();
    assert.deepEqual(problems, []);
  });

  it("offers no dead button without JavaScript", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.root + "index.html");
    assert.equal(await page.locator(".elder-toggle").isVisible(), false);
    await context.close();
  });
});
