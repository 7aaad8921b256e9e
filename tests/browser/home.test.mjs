// The home page's "today and next" strip: chosen in the browser, in China
// time, from the schedule embedded in the page.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { buildSite, launch, serve, viewports, watchedPage } from "./support.mjs";

describe("home page schedule strip", () => {
  let server, browser;
  before(async () => {
    server = await serve(buildSite());
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function stripAt(isoTime, timezoneId) {
    const context = await browser.newContext({ viewport: viewports.phone, timezoneId });
    const { page, problems } = await watchedPage(context, server.origin);
    await page.clock.setFixedTime(new Date(isoTime));
    await page.goto(server.root + "index.html");
    const live = page.locator(".today-live");
    const result = {
      liveVisible: await live.isVisible(),
      fallbackVisible: await page.locator(".today-fallback").isVisible(),
      headings: await live.locator("h3").allTextContents(),
      links: await live.locator("a").allTextContents(),
      problems,
    };
    await context.close();
    return result;
  }

  it("shows today's and the next activities during the week, in China time", async () => {
    // 02:30 UTC on the 13th is 10:30 in Beijing; the visitor's clock is in New York.
    const strip = await stripAt("2025-05-13T02:30:00Z", "America/New_York");
    assert.deepEqual(strip.problems, []);
    assert.equal(strip.liveVisible, true);
    assert.equal(strip.fallbackVisible, false);
    assert.deepEqual(strip.headings, ["今天的活动", "接下来"]);
    assert.ok(strip.links.some((t) => t.includes("企业谈职教")), strip.links.join(" / "));
  });

  it("keeps the whole week once the activities are over", async () => {
    const strip = await stripAt("2025-07-01T02:00:00Z", "Asia/Shanghai");
    assert.equal(strip.liveVisible, false);
    assert.equal(strip.fallbackVisible, true);
  });

  it("shows the whole week without JavaScript", async () => {
    const context = await browser.newContext({ viewport: viewports.phone, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.root + "index.html");
    assert.equal(await page.locator(".today-fallback").isVisible(), true);
    assert.equal(await page.locator(".today-fallback .strip-day").count(), 7);
    await context.close();
  });
});
