import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// `pnpm dev`: the SPA on Vite with /api (and the live-tail WebSocket) proxied to the server.
export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    port: 5173,
    proxy: { '/api': { target: `http://127.0.0.1:${process.env.PORT ?? 8080}`, ws: true } },
  },
  // No source maps in the production build: the served app would hand out its whole source.
  build: { outDir: 'dist', sourcemap: false },
});
