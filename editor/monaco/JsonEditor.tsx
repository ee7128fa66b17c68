// Monaco for one JSON value (a rule, a sample context): schema completion and validation,
// checkLogic markers, and the editor's own undo. Loaded lazily with Monaco itself.
import { useEffect, useRef, useState } from 'react';
import Editor, { type OnMount } from '@monaco-editor/react';
import { attachSchema, monaco } from './monaco-setup.ts';
import { logicMarkers } from './logic-markers.ts';

export interface JsonEditorProps {
  /** Model path; two editors with the same path share a model. */
  path: string;
  value: string;
  onChange: (text: string) => void;
  /** JSON Schema for completion and validation. */
  schema?: unknown;
  /** Mark checkLogic problems. Default true. */
  logic?: boolean;
  readOnly?: boolean;
  /** CSS height. Default 100%. */
  height?: string | number;
  /** Grow with the content between these heights (px) instead of a fixed height. */
  autoHeight?: { min: number; max: number };
  ariaLabel: string;
}

export default function JsonEditor({ path, value, onChange, schema, logic = true, readOnly, height = '100%', autoHeight, ariaLabel }: JsonEditorProps) {
  const [contentHeight, setContentHeight] = useState<number | null>(null);
  const editorRef = useRef<Parameters<OnMount>[0] | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => (schema ? attachSchema(path, schema) : undefined), [path, schema]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    const markers = logic
      ? logicMarkers(value).map((m) => {
          const start = model.getPositionAt(m.offset);
          const end = model.getPositionAt(m.offset + m.length);
          return {
            severity: monaco.MarkerSeverity.Error,
            message: m.message,
            startLineNumber: start.lineNumber,
            startColumn: start.column,
            endLineNumber: end.lineNumber,
            endColumn: end.column,
            source: 'Switchboard',
          };
        })
      : [];
    monaco.editor.setModelMarkers(model, 'switchboard', markers);
  }, [value, logic]);

  return (
    <Editor
      path={path}
      language="json"
      theme="switchboard"
      value={value}
      height={autoHeight ? Math.min(autoHeight.max, Math.max(autoHeight.min, contentHeight ?? autoHeight.min)) : height}
      loading={<div className="monaco-loading">Loading editor…</div>}
      onMount={(editor) => {
        editorRef.current = editor;
        if (autoHeight) {
          setContentHeight(editor.getContentHeight());
          editor.onDidContentSizeChange((e) => e.contentHeightChanged && setContentHeight(e.contentHeight));
        }
      }}
      onChange={(text) => onChangeRef.current(text ?? '')}
      options={{
        ariaLabel,
        readOnly,
        minimap: { enabled: false },
        fontSize: 13,
        lineNumbersMinChars: 3,
        scrollBeyondLastLine: false,
        tabSize: 2,
        automaticLayout: true,
        wordWrap: 'on',
        fixedOverflowWidgets: true,
        renderLineHighlight: 'line',
        quickSuggestions: { strings: true, other: true, comments: false },
        scrollbar: { verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
        padding: { top: 8, bottom: 8 },
      }}
    />
  );
}
