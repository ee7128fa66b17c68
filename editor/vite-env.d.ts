// Vite's client types: `?worker` and CSS imports, import.meta.env.
/// <reference types="vite/client" />
