import { spawnSync } from "node:child_process";

/** Why the real-Apertium tests cannot run here, or undefined when `apertium eng-spa` is installed. */
export function apertiumMissingReason(): string | undefined {
  const listed = spawnSync("apertium", ["-l"], { encoding: "utf8" });
  if (listed.error) return "apertium is not installed (apt-get install apertium apertium-eng-spa)";
  if (!/\beng-spa\b/.test(listed.stdout)) {
    return "the eng-spa pair is not installed (apt-get install apertium-eng-spa)";
  }
  return undefined;
}
