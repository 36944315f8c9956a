/** Vega-Lite specs for the benchmark report, rendered to SVG headlessly (no canvas, no browser). */
import * as vega from "vega";
import type { TopLevelSpec } from "vega-lite";
import { compile } from "vega-lite";

export interface ScalingPoint {
  bytes: number;
  sentences: number;
  stageMs: Record<string, number>;
  totalMs: number;
  baselineRssMb: number;
  peakRssMb: number;
}

export interface QualityRow {
  dataset: string;
  method: string;
  metric: "ROUGE-1" | "ROUGE-2" | "ROUGE-L";
  value: number;
}

export async function toSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  return view.toSVG();
}

const FONT = { font: "DejaVu Sans, Liberation Sans, sans-serif" };

/** Time per stage and peak memory against input size, both axes logarithmic so a linear stage is a 45° line. */
export function scalingSpec(points: ScalingPoint[], subtitle: string): TopLevelSpec {
  const time = points.flatMap((p) => [
    ...Object.entries(p.stageMs).map(([stage, ms]) => ({ kb: p.bytes / 1024, stage, ms })),
    { kb: p.bytes / 1024, stage: "total", ms: p.totalMs },
  ]);
  const memory = points.flatMap((p) => [
    { kb: p.bytes / 1024, series: "peak RSS", mb: p.peakRssMb },
    { kb: p.bytes / 1024, series: "RSS before the runs", mb: p.baselineRssMb },
  ]);
  const x = {
    field: "kb",
    type: "quantitative" as const,
    scale: { type: "log" as const, nice: false },
    title: "article size (KiB of UTF-8 text, log scale)",
  };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: "Scaling with input size", subtitle, ...FONT },
    config: { font: FONT.font, view: { stroke: "#ccc" } },
    // Stages and memory series are different things: separate colour scales and legends.
    resolve: { scale: { color: "independent" }, legend: { color: "independent" } },
    hconcat: [
      {
        width: 380,
        height: 280,
        title: "time per run (median)",
        data: { values: time },
        mark: { type: "line", point: true },
        encoding: {
          x,
          y: {
            field: "ms",
            type: "quantitative",
            scale: { type: "log" },
            title: "milliseconds (log scale)",
          },
          color: {
            field: "stage",
            type: "nominal",
            title: "stage",
            scale: { scheme: "tableau10" },
            legend: { orient: "bottom", columns: 3 },
          },
          strokeDash: {
            condition: { test: "datum.stage === 'total'", value: [6, 3] },
            value: [1, 0],
          },
        },
      },
      {
        width: 380,
        height: 280,
        title: "memory of the probe process",
        data: { values: memory },
        mark: { type: "line", point: true },
        encoding: {
          x,
          y: { field: "mb", type: "quantitative", title: "MiB", scale: { zero: true } },
          color: {
            field: "series",
            type: "nominal",
            title: null,
            // Series sort by code point ("RSS…" before "peak…"): grey for the baseline, red for the peak.
            scale: { range: ["#7f8c8d", "#c0392b"] },
            legend: { orient: "bottom" },
          },
        },
      },
    ],
  };
}

/** The summary-quality table: one row per dataset and method, one column per ROUGE metric, shaded by value. */
export function qualitySpec(rows: QualityRow[], subtitle: string): TopLevelSpec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: "Summary quality (ROUGE F1 × 100)", subtitle, ...FONT },
    config: { font: FONT.font, view: { stroke: null }, axis: { domain: false, ticks: false } },
    data: { values: rows.map((r) => ({ ...r, row: `${r.dataset} · ${r.method}` })) },
    width: 360,
    height: { step: 28 },
    encoding: {
      x: {
        field: "metric",
        type: "nominal",
        sort: ["ROUGE-1", "ROUGE-2", "ROUGE-L"],
        axis: { orient: "top", title: null, labelAngle: 0 },
      },
      y: { field: "row", type: "nominal", sort: null, title: null, axis: { labelLimit: 320 } },
    },
    layer: [
      {
        mark: { type: "rect", stroke: "#fff", strokeWidth: 2 },
        encoding: {
          color: {
            field: "value",
            type: "quantitative",
            scale: { scheme: "blues", domain: [0, 80] },
            legend: null,
          },
        },
      },
      {
        mark: { type: "text", fontSize: 13 },
        encoding: {
          text: { field: "value", type: "quantitative", format: ".2f" },
          color: { condition: { test: "datum.value > 45", value: "#ffffff" }, value: "#111111" },
        },
      },
    ],
  };
}
