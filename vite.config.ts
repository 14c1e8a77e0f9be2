import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { proxyFromConfig } from './scripts/proxy-config';

// `npm run preview` and `npm start` forward /proxy/<uid>/… to the datasource's real URL, so that
// servers which send no CORS headers (Loki, Tempo, Jaeger) can be reached from the browser.
const proxy = proxyFromConfig('public/config.json');

export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, proxy },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 1500 },
});
