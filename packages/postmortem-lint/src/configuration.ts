import {Configuration} from 'unified-engine'

/** Where configuration is found, as remark-cli finds it: `.remarkrc*` and `package.json#remarkConfig`. */
export const configurationFiles = {
  rcName: '.remarkrc',
  packageField: 'remarkConfig',
  pluginPrefix: 'remark',
  detectConfig: true
} as const

/** What the configuration of `cwd` says (`.remarkrc*`, `package.json#remarkConfig`): its settings and plugins. */
export async function loadConfiguration(cwd: string): Promise<Awaited<ReturnType<Configuration['create']>>> {
  const configuration = new Configuration({cwd, ...configurationFiles})
  return new Promise((resolve, reject) => {
    // A file in `cwd` stands for the folder: its configuration is found from there up.
    configuration.load(`${cwd}/index.md`, (error, value) => {
      if (error) reject(error)
      else resolve(value)
    })
  })
}
