// Lazy entry points for Monaco: the first screen loads without it; the chunk arrives the first
// time a rule editor or a diff is opened.
import { lazy, Suspense } from 'react';
import type { JsonEditorProps } from './JsonEditor.tsx';
import type { JsonDiffEditorProps } from './JsonDiffEditor.tsx';

const JsonEditorImpl = lazy(() => import('./JsonEditor.tsx'));
const JsonDiffEditorImpl = lazy(() => import('./JsonDiffEditor.tsx'));

export function LazyJsonEditor(props: JsonEditorProps) {
  return (
    <Suspense fallback={<div className="monaco-loading">Loading editor…</div>}>
      <JsonEditorImpl {...props} />
    </Suspense>
  );
}

export function LazyJsonDiffEditor(props: JsonDiffEditorProps) {
  return (
    <Suspense fallback={<div className="monaco-loading">Loading diff…</div>}>
      <JsonDiffEditorImpl {...props} />
    </Suspense>
  );
}
