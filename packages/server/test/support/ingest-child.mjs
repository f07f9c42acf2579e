// A child process for the kill test: ingests the articles in argv[3] (a JSON file) into the database argv[2],
// says INGESTING once the articles are written inside the transaction, then is killed by the test.
import { readFileSync, writeSync } from 'node:fs';
import { openDatabase, ingestArticles } from '../../dist/index.js';

const db = await openDatabase(process.argv[2]);
const articles = JSON.parse(readFileSync(process.argv[3], 'utf8'));
await ingestArticles(db, articles, {
  onProgress(message) {
    // After the articles were inserted and before the commit: stall here so the kill lands mid-transaction.
    if (message.startsWith('updating the lexicon')) {
      writeSync(1, 'INGESTING\n');
      for (;;); // stalls with the transaction open until killed

    }
  },
});
process.stdout.write('COMMITTED\n');
