// Monaco's side-by-side diff of two JSON texts (a rule before and after), read-only.
import { useEffect, useRef, useState } from 'react';
import { DiffEditor, type DiffOnMount } from '@monaco-editor/react';
import './monaco-setup.ts';

export interface JsonDiffEditorProps {
  original: string;
  modified: string;
  /** CSS height. Default: fits the longer side, 120 to 360 px. */
  height?: string | number;
  ariaLabel: string;
}

export default function JsonDiffEditor({ original, modified, height, ariaLabel }: JsonDiffEditorProps) {
  const lines = Math.max(original.split('\n').length, modified.split('\n').length);
  const [content, setContent] = useState<number | null>(null);
  const fitted = height ?? Math.min(360, Math.max(100, content ?? lines * 19 + 20));
  // The wrapper disposes the models before the diff widget lets go of them (a console error);
  // keep them through unmount and dispose them once the widget is gone.
  const models = useRef<{ dispose(): void }[]>([]);
  useEffect(
    () => () => {
      const held = models.current;
      setTimeout(() => held.forEach((m) => m.dispose()), 0);
    },
    [],
  );
  const onMount: DiffOnMount = (editor) => {
    const model = editor.getModel();
    if (model) models.current = [model.original, model.modified];
    // Fit the height to what is shown once unchanged regions are folded.
    const modifiedEditor = editor.getModifiedEditor();
    modifiedEditor.onDidContentSizeChange((e) => e.contentHeightChanged && setContent(e.contentHeight + 4));
  };
  return (
    <DiffEditor
      keepCurrentOriginalModel
      keepCurrentModifiedModel
      onMount={onMount}
      original={original}
      modified={modified}
      language="json"
      theme="switchboard"
      height={fitted}
      loading={<div className="monaco-loading">Loading diff…</div>}
      options={{
        readOnly: true,
        originalEditable: false,
        renderSideBySide: true,
        minimap: { enabled: false },
        fontSize: 12,
        scrollBeyondLastLine: false,
        automaticLayout: true,
        wordWrap: 'on',
        lineNumbersMinChars: 3,
        ariaLabel,
        renderOverviewRuler: false,
        diffWordWrap: 'on',
        // Long rules: fold what did not change so the change is on screen, with context around it.
        hideUnchangedRegions: { enabled: true, contextLineCount: 3, minimumLineCount: 4, revealLineCount: 10 },
      }}
    />
  );
}
