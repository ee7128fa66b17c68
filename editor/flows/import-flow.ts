// Import of a flow file: read and parse it, create the flow, or — when it exists — replace its
// draft at the current revision after the person confirms.
import type { JsonObject } from '../../shared/index.ts';
import { api } from '../api/trpc.ts';

export async function readFlowFile(file: File): Promise<JsonObject> {
  const text = await file.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`${file.name} is not valid JSON.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${file.name} does not contain a flow (a JSON object).`);
  return value as JsonObject;
}

export async function replaceDraft(document: JsonObject) {
  const flowId = String(document.id);
  const draft = await api.flows.get.query({ flowId });
  return api.flows.import.mutate({ document, baseRevision: draft.revision });
}
