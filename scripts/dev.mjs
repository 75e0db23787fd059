// `npm run dev`: the API with reload (tsx watch) on PORT (3000) and the web app with hot reload
// (Vite on 5173, proxying /api). Interface messages are recompiled when a locale file changes.
import { spawn, execFileSync } from 'node:child_process';
import { watch } from 'node:fs';

const compile = () => {
  try {
    execFileSync('node', ['scripts/compile-locales.mjs'], { stdio: 'inherit' });
  } catch {
    console.error('Interface messages did not compile; fix the locale file and save again.');
  }
};
compile();

let pending;
watch('locales', { recursive: true }, () => {
  clearTimeout(pending);
  pending = setTimeout(compile, 200);
});

const children = [
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'src/server/main.ts'], { stdio: 'inherit' }),
  spawn('npx', ['vite', '--host', '127.0.0.1'], { stdio: 'inherit' }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
