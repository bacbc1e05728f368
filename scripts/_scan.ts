import { readdirSync } from 'node:fs';
import { englishStrings } from '../tests/helpers/english-strings.ts';
const dirs = process.argv.slice(2);
let n = 0;
for (const d of dirs) for (const f of readdirSync(d).filter((x) => x.endsWith('.ts'))) for (const e of englishStrings(`${d}/${f}`)) { n++; console.log(`${e.file}:${e.line}: ${e.text.slice(0, 90)}`); }
console.log(n, 'found');
