// Puts checkLogic's problems on the JSON text: each problem's path (["and", 1, ">"]) is found in
// the text with jsonc-parser, so the squiggle sits under the exact operator a designer got wrong.
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { checkLogic } from '../../runtime/logic/index.ts';

export interface TextMarker {
  offset: number;
  length: number;
  message: string;
}

/** Markers for the rule in `text`; [] when the text is not JSON (the JSON language reports that). */
export function logicMarkers(text: string): TextMarker[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  const root = parseTree(text);
  if (!root) return [];
  return checkLogic(value).map((p) => {
    // An operator path ends with the operator key: point at the property (the key and its value).
    const node = findNodeAtLocation(root, p.path) ?? root;
    const target = node.parent?.type === 'property' && node.parent.children?.[1] === node ? node.parent : node;
    return { offset: target.offset, length: target.length, message: p.message };
  });
}
