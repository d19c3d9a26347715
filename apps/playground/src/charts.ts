import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** A uPlot line chart that grows as points arrive; x is the first series. */
export class LiveChart {
  readonly data: number[][];
  readonly #plot: uPlot;

  constructor(element: HTMLElement, xLabel: string, series: { label: string; stroke: string; scale: string }[]) {
    this.data = [[], ...series.map(() => [])];
    const opts: uPlot.Options = {
      width: 520,
      height: 220,
      scales: { x: { time: false } },
      axes: [
        { label: xLabel },
        { scale: 'loss', label: 'loss' },
        { scale: 'acc', side: 1, label: 'accuracy', grid: { show: false } },
      ],
      series: [
        { label: xLabel },
        ...series.map((s) => ({
          label: s.label,
          stroke: s.stroke,
          scale: s.scale,
          width: 2,
          points: { show: true, size: 4 },
        })),
      ],
    };
    this.#plot = new uPlot(opts, this.data as uPlot.AlignedData, element);
  }

  push(x: number, values: (number | null)[]): void {
    this.data[0].push(x);
    values.forEach((v, i) => this.data[i + 1].push(v as number));
    this.#plot.setData(this.data as uPlot.AlignedData);
  }

  clear(): void {
    for (const column of this.data) column.length = 0;
    this.#plot.setData(this.data as uPlot.AlignedData);
  }
}
