/** Where configuration is found, as remark-cli finds it: `.remarkrc*` and `package.json#remarkConfig`. */
export const configurationFiles = {
  rcName: '.remarkrc',
  packageField: 'remarkConfig',
  pluginPrefix: 'remark',
  detectConfig: true
} as const
