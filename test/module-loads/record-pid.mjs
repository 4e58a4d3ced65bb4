// Loaded with `node --import`: in the Node.js the CLI starts for a run on threads, writes its pid to `$RECORD_PID_FILE`.
import {writeFileSync} from 'node:fs'

if (process.env.POSTMORTEM_LINT_RELAUNCHED && process.env.RECORD_PID_FILE) writeFileSync(process.env.RECORD_PID_FILE, String(process.pid))
