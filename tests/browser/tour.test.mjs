// The online campus tour in a real browser: map, hotspots, keyboard, the
// panorama viewer, and the site without JavaScript.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import fs from "node:fs";
import path from "node:path";
import { artifactsDir, buildSite, launch, repoRoot, screenshot, serve, viewports, watchedPage } from "./support.mjs";

const tour = JSON.parse(fs.readFileSync(path.join(repoRoot, "content/tour.json"), "utf8"));

describe("online campus tour", () => {
  let server, browser;
  before(async () => {
    server = await serve(buildSite());
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("loads the map and every stop without errors or requests to other hosts", async () => {
    const context = await browser.newContext({ viewport: viewports.desktop });
    const { page, problems } = await watchedPage(context, server.origin);
    for (const url of ["tour/index.html", ...tour.stops.map((s) => `tour/${s.id}.html`)]) {
      await page.goto(server.root + url, { waitUntil: "networkidle" });
      await page.waitForTimeout(url.includes("index") ? 0 : 300);
    }
    await context.close();
    assert.deepEqual(problems, []);
  });

  it("opens a stop when its hotspot is clicked", async () => {
    const context = await browser.newContext({ viewport: viewports.phone });
    const { page, problems } = await watchedPage(context, server.origin);
    await page.goto(server.root + "tour/index.html");
    const stop = tour.stops[2];
    // On a phone the label is hidden; the link is found by its accessible name.
    await page.getByRole("link", { name: `第 3 站：${stop.name}` }).click();
    await page.waitForURL(`**/tour/${stop.id}.html`);
    assert.equal(await page.locator("h1").textContent(), stop.name);
    await context.close();
    assert.deepEqual(problems, []);
  });

  it("places every hotspot where tour.json says, at every width", async () => {
    for (const viewport of [viewports.phone, viewports.desktop, { width: 360, height: 740 }]) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.goto(server.root + "tour/index.html");
      const map = await page.locator(".tour-map-frame > img").boundingBox();
      const spots = await page.locator(".hotspot").evaluateAll((links) =>
        links.map((a) => { const r = a.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 + window.scrollY }; }));
      assert.equal(spots.length, tour.stops.length);
      tour.stops.forEach((stop, i) => {
        assert.ok(Math.abs(spots[i].x - (map.x + stop.x * map.width)) < 2, `${stop.id} x at ${viewport.width}px`);
        assert.ok(Math.abs(spots[i].y - (map.y + stop.y * map.height)) < 2, `${stop.id} y at ${viewport.width}px`);
      });
      await context.close();
    }
  });

  it("reaches every hotspot with Tab in route order, with a visible focus", async () => {
    const context = await browser.newContext({ viewport: viewports.desktop });
    const page = await context.newPage();
    await page.goto(server.root + "tour/index.html");
    await page.locator(".hotspot").first().focus();
    const order = [];
    for (let i = 0; i < tour.stops.length; ++i) {
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        const dot = el.querySelector(".hotspot-dot");
        return { href: el.getAttribute("href"), outline: dot ? getComputedStyle(dot).outlineStyle : "none",
                 label: getComputedStyle(el.querySelector(".hotspot-label")).opacity };
      });
      order.push(focused.href.replace("../tour/", "").replace(".html", ""));
      assert.notEqual(focused.outline, "none", "focus must be visible");
      assert.equal(focused.label, "1", "the stop's name shows on focus");
      await page.keyboard.press("Tab");
    }
    assert.deepEqual(order, tour.stops.map((s) => s.id));
    await context.close();
  });

  it("starts the panorama viewer on a panorama stop", async () => {
    const stop = tour.stops.find((s) => s.panorama);
    const context = await browser.newContext({ viewport: viewports.desktop });
    const { page, problems } = await watchedPage(context, server.origin);
    await page.goto(server.root + `tour/${stop.id}.html`);
    await page.locator(".panorama-viewer .pnlm-render-container canvas").waitFor({ timeout: 15000 });
    await page.waitForFunction(() => !document.querySelector(".pnlm-load-box") ||
      getComputedStyle(document.querySelector(".pnlm-load-box")).display === "none", null, { timeout: 15000 });
    assert.equal(await page.locator(".stop-photo").isHidden(), true);
    // Keyboard: the viewer can be focused and turned with the arrow keys.
    await page.locator(".panorama-viewer").focus();
    await page.keyboard.down("ArrowRight");
    await page.waitForTimeout(300);
    await page.keyboard.up("ArrowRight");
    await screenshot(page, "tour-panorama-1366");
    await context.close();
    assert.deepEqual(problems, []);
  });

  it("works without JavaScript: every stop reachable, each showing its photo", async () => {
    const context = await browser.newContext({ viewport: viewports.phone, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.root + "tour/index.html");
    const visited = [];
    let next = await page.locator(".button").getAttribute("href");
    while (next) {
      await page.goto(new URL(next, page.url()).href);
      const img = page.locator(".stop-photo img");
      assert.equal(await img.isVisible(), true);
      assert.ok(await img.evaluate((el) => el.complete && el.naturalWidth > 0), "the photo loads");
      visited.push(page.url().split("/").pop().replace(".html", ""));
      next = await page.locator('a[rel="next"]').getAttribute("href").catch(() => null);
      if (!(await page.locator('a[rel="next"]').count())) next = null;
    }
    assert.deepEqual(visited, tour.stops.map((s) => s.id));
    await context.close();
  });

  it("marks the stop that leaves the site", async () => {
    const stop = tour.stops.find((s) => s.external_url);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.root + `tour/${stop.id}.html`);
    const link = page.locator(`a[href="${stop.external_url}"]`);
    assert.match(await link.textContent(), /离开本站/);
    await context.close();
  });

  it("saves screenshots of the map and a stop at phone and desktop sizes", async () => {
    const stop = tour.stops.find((s) => !s.panorama) || tour.stops[0];
    for (const [name, viewport] of Object.entries(viewports)) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.goto(server.root + "tour/index.html");
      await screenshot(page, `tour-map-${viewport.width}`);
      await page.goto(server.root + `tour/${stop.id}.html`);
      await screenshot(page, `tour-stop-${viewport.width}`);
      await context.close();
      for (const shot of [`tour-map-${viewport.width}.png`, `tour-stop-${viewport.width}.png`]) {
        assert.ok(fs.statSync(path.join(artifactsDir, shot)).size > 10000, `${name}: ${shot}`);
      }
    }
  });
});
