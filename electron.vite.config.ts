/**
 * Builds three targets into out/: main (Electron main, the browser host and the team sync server, all Node), preload (sandboxed,
 * so CommonJS with every import bundled), renderer: the studio (React, served from app:// or by the host) and,
 * as extra entries of the same build, the OBS overlay pages (overlay.html) and the phone console (remote.html),
 * plain TypeScript served by the overlay and remote services from out/renderer (http/built-pages.ts).
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          host: resolve(import.meta.dirname, 'electron/host/index.ts'),
          sync: resolve(import.meta.dirname, 'electron/sync/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      // The overlay pages run in OBS's browser source (CEF): OBS 30 ships Chromium 103, so the build stays
      // within what it parses (electron-vite's default would be this Electron's own Chromium).
      target: 'chrome103',
      minify: process.env.KOL_NO_MINIFY ? false : true,
      reportCompressedSize: false,
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'renderer/index.html'),
          overlay: resolve(import.meta.dirname, 'renderer/overlay.html'),
          remote: resolve(import.meta.dirname, 'renderer/remote.html'),
        },
      },
    },
  },
});
