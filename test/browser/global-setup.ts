// Builds the editor once before the browser suite when dist/editor is missing or older than its
// sources, so the tests always drive the current code.
import { buildEditor } from '../../scripts/build-editor.ts';

export default function setup(): void {
  buildEditor();
}
