// Loads Monaco from the local bundle (no CDN): the editor core with its contributions, the JSON
// language, and both workers as Vite worker chunks. Imported only through React.lazy, so the
// first screen never pays for it.
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/register.all';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';

self.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string) {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

loader.config({ monaco });

monaco.editor.defineTheme('switchboard', {
  base: 'vs',
  inherit: true,
  rules: [
    { token: 'string.key.json', foreground: '4338ca' },
    { token: 'string.value.json', foreground: '047857' },
    { token: 'number', foreground: 'b45309' },
    { token: 'keyword.json', foreground: 'be185d' },
  ],
  colors: {
    'editor.background': '#ffffff',
    'editorLineNumber.foreground': '#98a2b3',
    'editor.lineHighlightBackground': '#f5f7ff',
    'editorGutter.background': '#ffffff',
  },
});

const schemas = new Map<string, { uri: string; fileMatch: string[]; schema: unknown }>();

function applySchemas() {
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    enableSchemaRequest: false,
    schemaValidation: 'warning',
    schemas: [...schemas.values()],
  });
}

/** Attaches `schema` to the model at `modelPath`; returns a function that detaches it. */
export function attachSchema(modelPath: string, schema: unknown): () => void {
  const uri = `switchboard://schemas/${encodeURIComponent(modelPath)}.json`;
  schemas.set(modelPath, { uri, fileMatch: [monaco.Uri.parse(modelPath).toString()], schema });
  applySchemas();
  return () => {
    schemas.delete(modelPath);
    applySchemas();
  };
}

export { monaco };
