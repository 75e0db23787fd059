import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'vite';
import type { PrecacheManifest } from './cache-rules.js';

const here = path.dirname(new URL(import.meta.url).pathname);

/**
 * Builds the information worker (service-worker.ts) into `<outDir>/sw.js` once the app is built,
 * with the build's file list and a version derived from it: a new build has a new version, so the
 * browser installs the new worker and the old build's caches are dropped. A classic script (not a
 * module worker), so every browser that has service workers can run it.
 */
export function informationWorker(): Plugin {
  let outDir = '';
  return {
    name: 'oneroof-information-worker',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const manifest = precacheManifest(outDir);
      const sources = ['service-worker.ts', 'cache-rules.ts'].map((file) => readFileSync(path.join(here, file), 'utf8'));
      const version = createHash('sha256').update(JSON.stringify(manifest)).update(readFileSync(path.join(outDir, 'index.html'))).update(sources.join('\n')).digest('hex').slice(0, 16);
      await build({
        configFile: false,
        logLevel: 'warn',
        publicDir: false,
        define: { __ONEROOF_SW_VERSION__: JSON.stringify(version), __ONEROOF_SW_MANIFEST__: JSON.stringify(manifest) },
        build: {
          outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          minify: true,
          lib: { entry: path.join(here, 'service-worker.ts'), formats: ['iife'], name: 'oneroofInformationWorker', fileName: () => 'sw.js' },
        },
      });
    },
  };
}

/** The shell (index.html and what it loads) and every other script and stylesheet of the build. */
export function precacheManifest(outDir: string): PrecacheManifest {
  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const referenced = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]!);
  const shell = ['/index.html', '/favicon.svg', ...referenced];
  const chunks = readdirSync(path.join(outDir, 'assets'))
    .filter((file) => /\.(js|css)$/.test(file))
    .map((file) => `/assets/${file}`)
    .filter((file) => !shell.includes(file))
    .sort();
  return { shell, chunks };
}
