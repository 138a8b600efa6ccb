// The baseline for the benchmark: a workflow that does nothing, so starting and awaiting it measures only
// the Temporal round trip. It lives here, bundled by the benchmark's own worker, not among the product's workflows.
export async function noopWorkflow(): Promise<void> {
  // Nothing to do: completing at once is the point.
}
