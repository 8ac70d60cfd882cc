// The Content-Security-Policy: present, strict, never violated by the app on any screen, and
// really enforced (injected inline script and inline styles are refused). And nothing in the
// app's source can put text in the page as HTML.
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { test as base } from "@playwright/test";
import { test, expect, openApp } from "./fixtures.js";
import { SCREENS, openScreen } from "./screens.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Collect every CSP violation the page reports, across navigations. */
async function watchViolations(page) {
  const violations = [];
  await page.exposeFunction("reportCspViolation", (v) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      window.reportCspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return violations;
}

/** The policy in the page's <meta>, as directive -> sources. */
async function metaPolicy(page) {
  const text = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  return Object.fromEntries(
    text.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]),
  );
}

test("the page carries a strict policy, and the server adds what only a header can", async ({
  page,
}) => {
  const response = await page.goto("/");
  await expect(page.locator("main h1")).toBeVisible();
  const csp = await metaPolicy(page);
  expect(csp["default-src"]).toEqual(["'self'"]);
  // Scripts: our own files, compiling the wasm, and Trunk's loader by its hash. Nothing inline
  // otherwise, no eval, no other host.
  expect(csp["script-src"].slice(0, 2)).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(csp["script-src"].slice(2)).toHaveLength(1);
  expect(csp["script-src"][2]).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/);
  expect(csp["script-src"]).not.toContain("'unsafe-inline'");
  expect(csp["script-src"]).not.toContain("'unsafe-eval'");
  expect(csp["style-src"]).toEqual(["'self'"]);
  expect(csp["connect-src"]).toEqual(["'self'"]);
  expect(csp["object-src"]).toEqual(["'none'"]);
  expect(csp["base-uri"]).toEqual(["'self'"]);
  expect(csp["form-action"]).toEqual(["'none'"]);
  // A <meta> cannot forbid framing; the header does.
  expect(csp["frame-ancestors"]).toBeUndefined();
  expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  // Trunk's build-time nonce is gone: a fixed nonce would protect nothing.
  expect(await page.locator("script[nonce]").count()).toBe(0);
});

// One test per screen: as one test over every screen it took close to half its 30 s on a busy
// machine, and each new screen would have added to it.
for (const screen of SCREENS) {
  test(`${screen.name} keeps to the policy`, async ({ page }) => {
    const violations = await watchViolations(page);
    await openScreen(page, screen);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(screen.heading);
    expect(violations).toEqual([]);
  });
}

test("changing settings and moving between areas keeps to the policy", async ({ page }) => {
  const violations = await watchViolations(page);
  await openApp(page, "/settings");
  await page.getByRole("radio", { name: "Dark" }).check();
  await page.getByRole("radio", { name: "Larger" }).check();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My data" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My data");
  expect(violations).toEqual([]);
});

// The plain Playwright test: the browser rightly logs each refusal as a console error.
base("the policy is enforced: injected inline script and inline styles are refused", async ({
  page,
}) => {
  const violations = await watchViolations(page);
  await page.goto("/");
  await expect(page.locator("main h1")).toBeVisible();
  const outcome = await page.evaluate(async () => {
    const script = document.createElement("script");
    script.textContent = "window.injectedScriptRan = true;";
    document.body.append(script);
    const styled = document.createElement("p");
    styled.setAttribute("style", "color: red");
    document.body.append(styled);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return {
      ran: window.injectedScriptRan === true,
      styled: getComputedStyle(styled).color === "rgb(255, 0, 0)",
    };
  });
  expect(outcome).toEqual({ ran: false, styled: false });
  await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
  for (const directive of ["script-src-elem", "style-src-attr"]) {
    expect(violations.some((v) => v.startsWith(`${directive} `)), directive).toBe(true);
  }
});

base("a request to another host is refused before it leaves the page", async ({ page }) => {
  const violations = await watchViolations(page);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto("/");
  await expect(page.locator("main h1")).toBeVisible();
  const outcome = await page.evaluate(() =>
    fetch("http://example.invalid/ping").then(() => "sent", (error) => error.name),
  );
  expect(outcome).toBe("TypeError");
  await expect.poll(() => violations.some((v) => v.startsWith("connect-src "))).toBe(true);
  expect(requests.filter((url) => url.includes("example.invalid"))).toEqual([]);
});

base("nothing in the app's source renders text as HTML", async () => {
  // Leptos puts text in text nodes; these are the ways around that.
  const sinks = /inner_html|innerHTML|outer_html|outerHTML|insert_adjacent_html|set_html_unsafe|document\.write|\bwrite_with_str\b|create_contextual_fragment|DomParser|parse_from_string/;
  const offenders = [];
  const walk = async (dir) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (/\.(rs|js)$/.test(entry.name)) {
        const lines = (await readFile(path, "utf8")).split("\n");
        lines.forEach((line, i) => sinks.test(line) && offenders.push(`${path}:${i + 1}: ${line.trim()}`));
      }
    }
  };
  await walk(join(ROOT, "src"));
  await walk(join(ROOT, "sw"));
  expect(offenders).toEqual([]);
});
