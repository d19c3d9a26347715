import { add, tidy, type Tensor } from '@strata/tensor';

/**
 * Gradients being accumulated during one reverse pass, by tensor id. A tensor made during the pass
 * (id above `firstId`: ids only grow) is owned by it and freed as soon as no entry refers to it;
 * any other (the caller's output gradients, a rule's `dy` passed through unchanged) is never freed
 * here. One tensor may sit under several ids (the rule of `add` hands `dy` to both inputs), hence
 * the reference counts.
 */
export class GradientMap {
  private readonly byId = new Map<number, Tensor>();
  private readonly refs = new Map<Tensor, number>();
  constructor(private readonly firstId: number) {}

  get(id: number): Tensor | undefined {
    return this.byId.get(id);
  }

  has(id: number): boolean {
    return this.byId.has(id);
  }

  /** True for a tensor made during this pass. */
  owns(t: Tensor): boolean {
    return t.id > this.firstId;
  }

  /** Adds contributions (id, gradient), summing with what is there. */
  accumulate(contributions: readonly (readonly [number, Tensor])[]): void {
    // Pinned while summing: an earlier sum must not free a tensor a later pair still hands in.
    for (const [, g] of contributions) this.ref(g, 1);
    for (const [id, g] of contributions) {
      const existing = this.byId.get(id);
      if (existing === undefined) {
        this.byId.set(id, g);
        this.ref(g, 1);
        continue;
      }
      const total = tidy(() => add(existing, g));
      this.remove(id);
      this.byId.set(id, total);
      this.ref(total, 1);
    }
    for (const [, g] of contributions) this.ref(g, -1);
  }

  remove(id: number): void {
    const t = this.byId.get(id);
    if (t === undefined) return;
    this.byId.delete(id);
    this.ref(t, -1);
  }

  /** Frees every gradient still held except those in `keep` (which the caller takes over). */
  clear(keep: ReadonlySet<Tensor> = new Set()): void {
    for (const [id, t] of [...this.byId]) {
      this.byId.delete(id);
      if (!keep.has(t)) this.ref(t, -1);
    }
  }

  private ref(t: Tensor, delta: number): void {
    const count = (this.refs.get(t) ?? 0) + delta;
    if (count > 0) return void this.refs.set(t, count);
    this.refs.delete(t);
    if (this.owns(t)) t.dispose();
  }
}
