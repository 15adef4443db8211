import type { BenchmarkStore } from "../../lib/news/bench";
import { timeDataLayer, type Timing } from "./data-layer";
import type { DatasetReport } from "./dataset";
import { timeSearch } from "./search-timing";

/** One backend's data set and the timings of the queries pages make against it. */
export type StoreFigures = {
  dataset: DatasetReport;
  dataLayer: Timing[];
  search: Timing[];
  /** The deep cursor the data-layer timing walked to (the HTTP runs load that page). */
  deepFront: { path: string; before: number; page: number };
};

/**
 * Times the data layer (data-layer.ts) and search (search-timing.ts) over `bench` at the data
 * set's instant, so a reused data set measures the same thing. Does not close `bench`.
 */
export async function timeStore(
  bench: BenchmarkStore,
  dataset: DatasetReport,
  options: { calls: number; deepPage: number; log: (line: string) => void },
): Promise<StoreFigures> {
  const { timings: dataLayer, deepFront } = await timeDataLayer(bench, dataset.now, options);
  const search = await timeSearch(bench.store, dataset.now, options);
  return { dataset, dataLayer, search, deepFront };
}
