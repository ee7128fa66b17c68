// The drag-and-drop contract between the palette and the canvas.

/** MIME type of a palette drag; the payload is the node type. */
export const PALETTE_MIME = 'application/x-switchboard-node';

/** Roughly half a node's width and header height, so a dropped node lands under the pointer. */
export const DROP_OFFSET = { x: 120, y: 22 };
