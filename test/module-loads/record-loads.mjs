// Loaded with `node --import`: prints every module the process (and a Node.js it starts with its flags) loads, one `load <url>` line each, on stderr.
import {register} from 'node:module'

register(new URL('loads-hooks.mjs', import.meta.url))
