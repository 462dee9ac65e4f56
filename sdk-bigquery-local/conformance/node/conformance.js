// Drives the local server with the official Node.js client (@google-cloud/bigquery).
const {BigQuery} = require('@google-cloud/bigquery');
const fs = require('fs');
const os = require('os');
const path = require('path');
const port = process.argv[2] || '9050';
// The Node client sends no headers at all on an unauthenticated custom endpoint, and its multipart
// upload (every load from a file) then crashes inside teeny-request before sending anything. A static
// access token gives it headers; the local server ignores credentials.
const {OAuth2Client} = require('google-auth-library');
const authClient = new OAuth2Client();
authClient.setCredentials({access_token: 'local', expiry_date: Date.now() + 3600e3});
const bq = new BigQuery({projectId: 'local-project', apiEndpoint: `http://127.0.0.1:${port}`,
    authClient, useAuthWithCustomEndpoint: true});
let failures = 0;
function check(name, cond, detail) {
  console.log(`${cond ? 'ok  ' : 'FAIL'} ${name}${cond ? '' : ' :: ' + detail}`);
  if (!cond) failures++;
}
async function expectError(name, fn, want) {
  try { await fn(); check(name, false, 'no error'); }
  catch (e) {
    const errs = JSON.stringify(e.errors || e.response || '') + ' ' + e.message;
    check(name, want.every(w => errs.includes(w)), errs.slice(0, 500));
  }
}
(async () => {
  const ds = 'node_' + Date.now();
  const [dataset] = await bq.createDataset(ds, {location: 'US'});
  check('dataset created', dataset.id === ds, dataset.id);
  const [datasets] = await bq.getDatasets();
  check('datasets listed', datasets.some(d => d.id === ds), datasets.map(d => d.id));
  const [table] = await dataset.createTable('games', {
    schema: {fields: [
      {name: 'game_date', type: 'DATE', mode: 'REQUIRED'},
      {name: 'player', type: 'STRING', mode: 'REQUIRED'},
      {name: 'points', type: 'INTEGER'},
      {name: 'minutes', type: 'FLOAT'},
      {name: 'tags', type: 'STRING', mode: 'REPEATED'},
      {name: 'detail', type: 'RECORD', fields: [{name: 'team', type: 'STRING'}]}]},
    timePartitioning: {type: 'DAY', field: 'game_date'},
    clustering: {fields: ['player']}});
  const [meta] = await table.getMetadata();
  check('table metadata', meta.timePartitioning.field === 'game_date' && meta.clustering.fields[0] === 'player', JSON.stringify(meta));

  // streaming with duplicate insert ids
  const rows = [];
  for (let i = 0; i < 25; i++) rows.push({insertId: 'r' + i, json: {game_date: '2024-04-10', player: 'p' + i, points: i, minutes: i + 0.5, tags: ['a', 'b'], detail: {team: 'BOS'}}});
  await table.insert(rows, {raw: true});
  await table.insert(rows.slice(0, 10), {raw: true});
  const [count] = await bq.query({query: `SELECT COUNT(*) AS n FROM \`${ds}.games\``});
  check('duplicate insert ids dropped', Number(count[0].n) === 25, JSON.stringify(count));

  await expectError('insertAll row errors', () => table.insert([{player: 'x', points: 'not a number'}]), ['invalid']);

  // parameterised query, named and positional
  const [named] = await bq.query({query: `SELECT player, points FROM \`${ds}.games\` WHERE points >= @min AND player IN UNNEST(@names) ORDER BY points`, params: {min: 20, names: ['p20', 'p21', 'p3']}});
  check('named parameters', named.length === 2 && named[0].player === 'p20', JSON.stringify(named));
  const [pos] = await bq.query({query: `SELECT COUNT(*) AS n FROM \`${ds}.games\` WHERE game_date = ? AND minutes > ?`, params: [bq.date('2024-04-10'), 10.0]});
  check('positional parameters', Number(pos[0].n) === 15, JSON.stringify(pos));
  const [types] = await bq.query({query: 'SELECT @ts AS ts, @n AS n, @b AS b, @arr AS arr, @s AS s', params: {ts: bq.timestamp('2024-04-10T12:34:56.123456Z'), n: bq.numeric ? 1 : 1, b: true, arr: [1, 2, 3], s: {a: 1, b: 'x'}}});
  check('typed parameters', types[0].b === true && types[0].arr.length === 3 && types[0].s.b === 'x', JSON.stringify(types));

  // paging through results
  const [job] = await bq.createQueryJob({query: `SELECT player, points FROM \`${ds}.games\` ORDER BY points`});
  let page = await job.getQueryResults({maxResults: 10, autoPaginate: false});
  let seen = page[0].length; let pages = 1;
  while (page[1]) { page = await job.getQueryResults(page[1]); seen += page[0].length; pages++; }
  check('query results paged', seen === 25 && pages === 3, `${seen} rows in ${pages} pages`);
  const [tdRows, next] = await table.getRows({maxResults: 7, autoPaginate: false});
  check('tabledata.list paged', tdRows.length === 7 && next && next.pageToken, JSON.stringify(next));
  const [allRows] = await table.getRows();
  check('tabledata.list all', allRows.length === 25, allRows.length);

  // DML over freshly streamed rows is refused
  await expectError('DML over streaming buffer', () => bq.query({query: `UPDATE \`${ds}.games\` SET points = 0 WHERE TRUE`}), ['streaming buffer']);

  // MERGE into a table written by a load job
  const [main] = await dataset.createTable('main', {schema: 'player:STRING,points:INTEGER,version:INTEGER'});
  await bq.query({query: `INSERT INTO \`${ds}.main\` (player, points, version) VALUES ('a', 1, 1), ('b', 2, 1)`});
  const [mergeJob] = await bq.createQueryJob({query: `MERGE \`${ds}.main\` t USING (SELECT 'b' AS player, 20 AS points UNION ALL SELECT 'c', 30) s ON t.player = s.player
      WHEN MATCHED THEN UPDATE SET points = s.points, version = t.version + 1
      WHEN NOT MATCHED THEN INSERT (player, points, version) VALUES (s.player, s.points, 1)
      WHEN NOT MATCHED BY SOURCE THEN DELETE`});
  await mergeJob.getQueryResults();
  const [mergeMeta] = await mergeJob.getMetadata();
  const dml = mergeMeta.statistics.query.dmlStats;
  check('MERGE dmlStats', dml.insertedRowCount === '1' && dml.updatedRowCount === '1' && dml.deletedRowCount === '1', JSON.stringify(mergeMeta.statistics.query));
  const [merged] = await bq.query(`SELECT player, points, version FROM \`${ds}.main\` ORDER BY player`);
  check('MERGE result', JSON.stringify(merged) === JSON.stringify([{player: 'b', points: 20, version: 2}, {player: 'c', points: 30, version: 1}]), JSON.stringify(merged));

  // load NDJSON into a partition decorator
  const file = path.join(os.tmpdir(), `node-load-${Date.now()}.json`);
  fs.writeFileSync(file, [0, 1, 2].map(i => JSON.stringify({game_date: '2024-04-11', player: 'l' + i, points: 100 + i})).join('\n') + '\n');
  const [loadTable] = await dataset.createTable('loaded', {schema: 'game_date:DATE,player:STRING,points:INTEGER', timePartitioning: {type: 'DAY', field: 'game_date'}});
  const [loadJob] = await dataset.table('loaded$20240411').load(file, {sourceFormat: 'NEWLINE_DELIMITED_JSON', writeDisposition: 'WRITE_TRUNCATE'});
  check('load job done', loadJob.status.state === 'DONE' && !loadJob.status.errorResult, JSON.stringify(loadJob.status));
  await dataset.table('loaded$20240411').load(file, {sourceFormat: 'NEWLINE_DELIMITED_JSON', writeDisposition: 'WRITE_TRUNCATE'});
  const [loaded] = await bq.query(`SELECT COUNT(*) AS n FROM \`${ds}.loaded\``);
  check('WRITE_TRUNCATE partition replaced', Number(loaded[0].n) === 3, JSON.stringify(loaded));
  const csv = path.join(os.tmpdir(), `node-load-${Date.now()}.csv`);
  fs.writeFileSync(csv, 'game_date,player,points\n2024-04-12,c1,7\n2024-04-12,c2,8\n');
  await loadTable.load(csv, {sourceFormat: 'CSV', skipLeadingRows: 1});
  const [loaded2] = await bq.query(`SELECT COUNT(*) AS n FROM \`${ds}.loaded\``);
  check('CSV load appended', Number(loaded2[0].n) === 5, JSON.stringify(loaded2));
  await expectError('load into wrong partition', () => dataset.table('loaded$20240101').load(file, {sourceFormat: 'NEWLINE_DELIMITED_JSON'}), ['partition']);

  // errors
  await expectError('FLOAT64 in PARTITION BY', () => bq.query(`SELECT ROW_NUMBER() OVER (PARTITION BY minutes) FROM \`${ds}.games\``), ['invalidQuery', 'FLOAT64']);
  await expectError('syntax error', () => bq.query('SELEC 1'), ['invalidQuery', 'Syntax error']);
  await expectError('missing table', () => bq.dataset(ds).table('nope').getMetadata(), ['notFound']);

  // schema evolution and deletes
  const [m2] = await main.getMetadata();
  m2.schema.fields.push({name: 'note', type: 'STRING', mode: 'NULLABLE'});
  await main.setMetadata({schema: m2.schema});
  const [m3] = await main.getMetadata();
  check('schema patched', m3.schema.fields.length === 4, JSON.stringify(m3.schema));
  const [tables] = await dataset.getTables();
  check('tables listed', tables.length === 3, tables.map(t => t.id));
  const [jobs] = await bq.getJobs({maxResults: 5, autoPaginate: false});
  check('jobs listed', jobs.length === 5, jobs.length);
  await dataset.delete({force: true});
  const [exists] = await dataset.exists();
  check('dataset deleted with contents', !exists, exists);
  console.log(failures === 0 ? 'ALL OK' : `${failures} FAILED`);
  process.exit(failures === 0 ? 0 : 1);
})().catch(e => { console.log('CRASH', e.stack, JSON.stringify(e.errors || '')); process.exit(2); });
