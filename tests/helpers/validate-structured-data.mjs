// Runs @adobe/structured-data-validator on JSON-LD items read from stdin, against the schema.org
// vocabulary file named in the input, and prints the issues as JSON. A separate Node process because
// the validator is an ES module that loads its rules with import(), which Jest's CommonJS runtime cannot.
import fs from 'node:fs';
import Validator from '@adobe/structured-data-validator';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { vocabulary, items } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const schemaOrg = JSON.parse(fs.readFileSync(vocabulary, 'utf8'));

// The shape @marbec/web-auto-extractor gives the validator for a page's JSON-LD: items by root type.
const jsonld = {};
for (const item of items) {
  const type = Array.isArray(item['@type']) ? item['@type'][0] : item['@type'];
  (jsonld[type] ??= []).push(item);
}
const issues = await new Validator(schemaOrg).validate({ jsonld, microdata: {}, rdfa: {}, errors: [] });
process.stdout.write(JSON.stringify(issues.map(({ source: _source, ...issue }) => issue)));
