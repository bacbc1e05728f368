/**
 * Lists English display strings left in source folders (the scanner the
 * catalogs test runs): `node --import tsx scripts/_scan.ts src/commands src/present`.
 */
import { readdirSync } from 'node:fs';
import { englishStrings } from '../tests/helpers/english-strings.js';

let count = 0;
for (const dir of process.argv.slice(2)) {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    for (const found of englishStrings(`${dir}/${file}`)) {
      count += 1;
      process.stdout.write(`${found.file}:${found.line}: ${found.text.slice(0, 90)}\n`);
    }
  }
}
process.stdout.write(`${count} found\n`);
