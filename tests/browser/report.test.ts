/**
 * Opens rendered reports in headless Chromium (the Debian package, never a downloaded browser) and checks
 * what only a browser can: computed highlight colours, CSS-only pairing on focus and hover, that hostile
 * article text does not run, and a screenshot for a human to look at.
 */
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReport } from "../../shared/report";
import { hostileFixture } from "../unit/report/fixture";
import { loadHostileHtmlReportInput, loadSampleReportInput } from "./sample";

// The callbacks given to page.evaluate/$eval run in the page; the project's type library has no DOM (on purpose:
// Lambda code must not use it), so the little those callbacks touch is declared here, for this file only.
declare const document: {
  activeElement: {
    classList: { contains(name: string): boolean };
    getAttribute(name: string): string | null;
  } | null;
};
declare const window: { __pwned?: unknown };
declare function getComputedStyle(element: unknown): {
  backgroundColor: string;
  outlineStyle: string;
  outlineWidth: string;
  direction: string;
};

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const OUTPUT_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "output", "report");

/** The report's light-scheme colours (shared/report/styles.ts) as Chromium computes them. */
const SUMMARY_BACKGROUND = "rgb(255, 226, 122)";
const PAIR_BACKGROUND = "rgb(188, 216, 255)";
const NO_BACKGROUND = "rgba(0, 0, 0, 0)";

const available = existsSync(CHROMIUM);
if (!available) {
  console.warn(
    `skipping browser tests: ${CHROMIUM} is absent (install it with: apt-get install -y chromium)`,
  );
}

async function writeReport(name: string, markup: string): Promise<string> {
  await mkdir(OUTPUT_DIR, { recursive: true });
  const file = join(OUTPUT_DIR, `${name}.html`);
  await writeFile(file, markup, "utf8");
  return pathToFileURL(file).href;
}

function background(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (el) => getComputedStyle(el).backgroundColor);
}

describe.skipIf(!available)("report.html in Chromium", () => {
  let browser: Browser;
  let sample: { url: string; origin: string };
  let hostileUrl: string;
  let hostileHtmlUrl: string;

  beforeAll(async () => {
    const input = await loadSampleReportInput();
    sample = { url: await writeReport("sample", renderReport(input.report)), origin: input.origin };
    hostileUrl = await writeReport("hostile", renderReport(hostileFixture()));
    hostileHtmlUrl = await writeReport(
      "hostile-html",
      renderReport(await loadHostileHtmlReportInput()),
    );
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function open(url: string) {
    const context = await browser.newContext({
      colorScheme: "light",
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    const requests: string[] = [];
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(url);
    return { page, requests, dialogs, errors, close: () => context.close() };
  }

  it("should highlight the summary sentences of the sample article and save a screenshot", async () => {
    // Prepare
    console.info(`sample article: ${sample.origin}`);
    const { page, requests, close } = await open(sample.url);

    // Act
    const summaryIds = await page.$$eval("#article mark.s", (els) => els.map((el) => el.id));
    const firstPlain = await page.$eval("#article span.s", (el) => el.id);

    // Assess
    expect(summaryIds.length).toBeGreaterThan(0);
    expect(await background(page, `#${summaryIds[0]}`)).toBe(SUMMARY_BACKGROUND);
    expect(await background(page, `#${firstPlain}`)).toBe(NO_BACKGROUND);
    expect(requests).toEqual([sample.url]);
    await page.screenshot({ path: join(OUTPUT_DIR, "sample.png"), fullPage: true });
    await close();
  });

  it("should highlight the counterpart of a focused or hovered sentence, with a visible focus ring", async () => {
    // Prepare
    const { page, close } = await open(sample.url);
    const key = await page.$eval("#translation-0 td:nth-child(2) span.s[data-k]", (el) =>
      el.getAttribute("data-k"),
    );
    const other = await page.$eval(
      `#translation-0 td:nth-child(2) span.s[data-k]:not([data-k="${key}"])`,
      (el) => el.getAttribute("data-k"),
    );
    expect(await background(page, `#t0-${key}`)).toBe(NO_BACKGROUND);

    // Act
    await page.focus(`#t0-src-${key}`);

    // Assess
    expect(await background(page, `#t0-${key}`)).toBe(PAIR_BACKGROUND);
    expect(await background(page, `#t0-src-${other}`)).toBe(NO_BACKGROUND);
    expect(await background(page, `#t0-${other}`)).toBe(NO_BACKGROUND);
    const ring = await page.$eval(`#t0-src-${key}`, (el) => {
      const style = getComputedStyle(el);
      return `${style.outlineStyle} ${style.outlineWidth}`;
    });
    expect(ring).toBe("solid 3px");
    await page.screenshot({ path: join(OUTPUT_DIR, "sample-focus.png") });

    // Act: hovering a translated sentence lights up its source
    await page.locator(`#t0-${other}`).hover();
    expect(await background(page, `#t0-src-${other}`)).toBe(PAIR_BACKGROUND);
    await close();
  });

  it("should reach sentences with the keyboard", async () => {
    const { page, close } = await open(sample.url);
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(() => document.activeElement?.classList.contains("s") === true))
        break;
    }
    expect(
      await page.evaluate(() => document.activeElement?.getAttribute("data-k")),
    ).not.toBeNull();
    await close();
  });

  it("should show hostile article markup as text without running it", async () => {
    // Prepare
    const { page, requests, dialogs, errors, close } = await open(hostileUrl);

    // Act
    const pwned = await page.evaluate(() => window.__pwned);
    const scripts = await page.$$eval("script, img, svg", (els) => els.length);
    const title = await page.locator("h1").textContent();

    // Assess
    expect(pwned).toBeUndefined();
    expect(scripts).toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests).toEqual([hostileUrl]);
    expect(title).toContain("<script>window.__pwned = true</script>");
    expect(
      await page.getByText(`<img src=x onerror="window.__pwned = true">`).first().isVisible(),
    ).toBe(true);
    expect(
      await page.$eval("#translation-1 td:nth-child(2)", (el) => getComputedStyle(el).direction),
    ).toBe("rtl");
    await page.screenshot({ path: join(OUTPUT_DIR, "hostile.png"), fullPage: true });
    await close();
  });

  it("should show the escaped markup of a hostile HTML article as text after normalization", async () => {
    // Prepare
    const { page, requests, dialogs, errors, close } = await open(hostileHtmlUrl);

    // Act
    const pwned = await page.evaluate(() => window.__pwned);
    const title = await page.locator("h1").textContent();
    const live = await page.$$eval("script, img, [onclick], [onload]", (els) => els.length);

    // Assess
    expect(pwned).toBeUndefined();
    expect(live).toBe(0);
    expect([dialogs, errors, requests]).toEqual([[], [], [hostileHtmlUrl]]);
    expect(title).toContain("<script>window.__pwned = true</script>");
    expect(
      await page.getByText(`<img src=x onerror="window.__pwned = true">`).first().isVisible(),
    ).toBe(true);
    await page.screenshot({ path: join(OUTPUT_DIR, "hostile-html.png"), fullPage: true });
    await close();
  });
});
