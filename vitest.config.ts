import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/.tmp/**'],
    testTimeout: 20_000,
    hookTimeout: 600_000
  }
})
