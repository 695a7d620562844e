// Vite's `?raw` suffix imports a fixture file as text (vite/client's declaration, without its DOM types).
declare module '*?raw' {
  const text: string;
  export default text;
}
