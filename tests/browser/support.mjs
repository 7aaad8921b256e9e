// Shared set-up for browser tests: build the demo site, serve it under its
// base path on 127.0.0.1, drive Debian's Chromium with playwright-core, and
// record every problem a page has (console errors, failed requests,
// requests to any other host). Each feature's *.test.mjs uses these.
import { chromium } from "playwright-core";
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const binary = process.env.ZHUANLAN_BINARY || path.join(repoRoot, "build/zhuanlan");
export const artifactsDir = process.env.ZHUANLAN_ARTIFACTS || path.join(repoRoot, "build/browser-artifacts");
export const basePath = "/zjz2025/";
export const viewports = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1366, height: 768 },
};

const temporaryFolders = [];
process.on("exit", () => {
  for (const folder of temporaryFolders) fs.rmSync(folder, { recursive: true, force: true });
});

// A fresh temporary folder, removed when the test process ends.
export function temporaryFolder() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "zhuanlan-browser-"));
  temporaryFolders.push(folder);
  return folder;
}

// Builds a site folder into a fresh temporary folder, removed when the test
// process ends. The demo site (the default) is built once per test run by
// the ctest fixture demo_site_build, which names its output in
// ZHUANLAN_DEMO_SITE; without it (node --test by hand) it is built here.
// Pages must not write into the folder returned.
export function buildSite(siteDir = repoRoot) {
  const demo = process.env.ZHUANLAN_DEMO_SITE;
  if (siteDir === repoRoot && demo) {
    if (!fs.existsSync(path.join(demo, "index.html"))) throw new Error(`ZHUANLAN_DEMO_SITE names no built site: ${demo}`);
    return demo;
  }
  const out = temporaryFolder();
  const publicDir = path.join(out, "public");
  execFileSync(binary, ["build", "--site", siteDir, "--out", publicDir], { stdio: "pipe" });
  return publicDir;
}

const types = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json",
  ".svg": "image/svg+xml", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".webp": "image/webp",
  ".xml": "application/xml", ".csv": "text/csv; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

// Serves dir at http://127.0.0.1:<port>/zjz2025/, as a web server would:
// folders give index.html, a missing file gives 404.html with status 404.
export async function serve(dir) {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, "http://127.0.0.1");
    let relative = decodeURIComponent(url.pathname);
    if (!relative.startsWith(basePath)) relative = "/__outside__";
    relative = relative.slice(basePath.length);
    let file = path.join(dir, relative);
    if (!file.startsWith(dir)) file = path.join(dir, "__outside__");
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!fs.existsSync(file)) {
      response.writeHead(404, { "content-type": types[".html"] });
      response.end(fs.readFileSync(path.join(dir, "404.html")));
      return;
    }
    response.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
    response.end(fs.readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, root: origin + basePath, close: () => new Promise((resolve) => server.close(resolve)) };
}

// Runs `zhuanlan serve --site siteDir --port 0 ...args` and resolves once
// it prints its address: { origin, root (the address printed), output(),
// stop() (Ctrl+C; resolves with the exit code) }.
export async function startServe(siteDir, args = []) {
  const child = spawn(binary, ["serve", "--site", siteDir, "--port", "0", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.setEncoding("utf8");
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk) => { output += chunk; });
  const address = await new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk) => {
      output += chunk;
      const match = output.match(/预览地址：(http:\/\/127\.0\.0\.1:\d+)(\/\S*)\n/);
      if (match) resolve(match);
    });
    child.once("exit", (code) => reject(new Error(`zhuanlan serve ended (${code}):\n${output}`)));
  });
  const exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    origin: address[1],
    root: address[1] + address[2],
    output: () => output,
    stop: () => {
      child.kill("SIGINT");
      return exited;
    },
  };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync",
      // WebGL in software, so panoramas can be tested without a GPU.
      "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
    ],
  });
}

// A page that notes every problem. Requests to any host but the test
// server are refused (and noted), as the site must never need them.
export async function watchedPage(context, origin) {
  const page = await context.newPage();
  const problems = [];
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + "/") || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    problems.push(`request to another host: ${url}`);
    return route.abort();
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => {
    // Chromium fetches the page icon (resource type "other") after load; a
    // test that moves on to the next page aborts it. That is the test's
    // doing, not the site's: every other aborted same-site request counts.
    const aborted = request.failure()?.errorText.includes("ERR_ABORTED");
    if (aborted && request.resourceType() === "other") return;
    if (!aborted || request.url().startsWith(origin)) {
      problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
    }
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return { page, problems };
}

export async function screenshot(page, name) {
  fs.mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });
}

// Every internal link target of a page, as absolute URLs.
export async function internalLinks(page, origin) {
  const hrefs = await page.$$eval("a[href]", (links) => links.map((a) => a.href));
  return [...new Set(hrefs.filter((href) => href.startsWith(origin)).map((href) => href.split("#")[0]))];
}
