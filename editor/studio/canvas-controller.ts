// Lets panels outside the canvas (problems, search, simulator) move the viewport and the
// selection. The canvas attaches its implementation when mounted; requests made while it is
// not mounted (another view is open) wait for it.

export interface CanvasActions {
  focusNode(id: string): void;
  /** Pans (without zooming or selecting) so the node is in view, when it is not already. */
  reveal(id: string): void;
  select(nodeIds: readonly string[], edgeIds?: readonly string[]): void;
  fitView(): void;
}

export class CanvasController implements CanvasActions {
  #impl: CanvasActions | null = null;
  #pending: ((impl: CanvasActions) => void)[] = [];

  attach(impl: CanvasActions): () => void {
    this.#impl = impl;
    const pending = this.#pending;
    this.#pending = [];
    // Let React Flow measure the nodes first.
    if (pending.length) requestAnimationFrame(() => pending.forEach((p) => p(impl)));
    return () => {
      if (this.#impl === impl) this.#impl = null;
    };
  }

  #run(action: (impl: CanvasActions) => void): void {
    if (this.#impl) action(this.#impl);
    else this.#pending.push(action);
  }

  focusNode(id: string): void {
    this.#run((c) => c.focusNode(id));
  }

  reveal(id: string): void {
    // Only when the canvas is on screen: revealing later would be a surprise.
    this.#impl?.reveal(id);
  }

  select(nodeIds: readonly string[], edgeIds: readonly string[] = []): void {
    this.#run((c) => c.select(nodeIds, edgeIds));
  }

  fitView(): void {
    this.#run((c) => c.fitView());
  }
}
