import { collapseWhitespace } from "../../clean";
import type { DomDocument } from "./dom";

/** " | Site", " - Site", " – Site", " — Site", " :: Site", " · Site", " » Site", " • Site". */
const SEPARATOR = /\s+(?:[|\-–—·»•]|::)\s+/gu;
const MAX_SITE_WORDS = 5;

/** Letters and digits only, lower-case: "The Hill" and "thehill" compare equal. */
function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/** The page's own absolute addresses, as its canonical link and og:url state them. */
export function ownAddresses(document: DomDocument): URL[] {
  const stated = [
    document.querySelectorAll('link[rel="canonical"]')[0]?.getAttribute("href"),
    document.querySelectorAll('meta[property="og:url"]')[0]?.getAttribute("content"),
  ];
  return stated.flatMap((address) => {
    try {
      return address ? [new URL(address)] : [];
    } catch {
      return []; // Not an absolute URL: says nothing about the page.
    }
  });
}

/** Host labels that name a site ("bbc" of www.bbc.co.uk). */
function hostNames(addresses: URL[]): string[] {
  const address = addresses[0];
  if (!address) return [];
  return address.hostname.split(".").filter((label) => label.length >= 3 && label !== "www");
}

function namesSite(segment: string, siteName: string | null, hosts: string[]): boolean {
  if (segment.split(/\s+/).length > MAX_SITE_WORDS) return false;
  const squashed = squash(segment);
  if (squashed.length === 0) return false;
  if (siteName && (squash(siteName) === squashed || squash(siteName).startsWith(squashed))) {
    return true;
  }
  return hosts.some((host) => squashed.includes(host) || host.includes(squashed));
}

/**
 * The article's title without the site's name around it ("… - BBC News", "TheHill | …"): a first or last
 * separated segment goes when it names the site (Readability's site name from JSON-LD/og:site_name, or the
 * page's host), so a headline that merely contains a dash keeps it.
 */
export function articleTitle(
  title: string | null | undefined,
  siteName: string | null | undefined,
  addresses: URL[],
): string | null {
  let result = collapseWhitespace(title ?? "");
  if (!result) return null;
  const hosts = hostNames(addresses);
  const site = siteName ? collapseWhitespace(siteName) : null;
  const separators = [...result.matchAll(SEPARATOR)];
  const last = separators.at(-1);
  if (last?.index !== undefined) {
    const tail = result.slice(last.index + last[0].length);
    if (namesSite(tail, site, hosts)) result = result.slice(0, last.index);
  }
  const first = [...result.matchAll(SEPARATOR)][0];
  if (first?.index !== undefined) {
    const head = result.slice(0, first.index);
    if (namesSite(head, site, hosts)) result = result.slice(first.index + first[0].length);
  }
  return result || null;
}
