#!/usr/bin/env bash
# Runs against a local server started with: bin/courtside bigquery-local --port 9050
# Drives the local server with Google's bq command-line tool (BigQuery CLI, from the Cloud SDK).
# usage: conformance.sh [port]
set -u
port="${1:-9050}"
bq=(bq --api="http://127.0.0.1:$port" --project_id=local-project --oauth_access_token=local --quiet --format=json)
ds="bq_$(date +%s%N)"
work="$(mktemp -d)"
failures=0
check() { # name, command output, expected substring
  if grep -qF -- "$3" <<<"$2"; then echo "ok   $1"; else echo "FAIL $1 :: $(head -c 400 <<<"$2")"; failures=$((failures + 1)); fi
}
out=$("${bq[@]}" mk --dataset "$ds" 2>&1); check "dataset created" "$out" "$ds"
out=$("${bq[@]}" ls 2>&1); check "datasets listed" "$out" "\"datasetId\":\"$ds\"" 
out=$("${bq[@]}" mk --table --time_partitioning_field=game_date --clustering_fields=player "$ds.games" game_date:DATE,player:STRING,points:INTEGER,minutes:FLOAT 2>&1); check "table created" "$out" "games"
out=$("${bq[@]}" show "$ds.games" 2>&1); check "table metadata" "$out" '"timePartitioning":{"field":"game_date","type":"DAY"}'
for i in $(seq 0 24); do echo "{\"game_date\":\"2024-04-10\",\"player\":\"p$i\",\"points\":$i,\"minutes\":$i.5}"; done > "$work/rows.json"
out=$("${bq[@]}" insert --insert_id=r "$ds.games" "$work/rows.json" 2>&1); check "insertAll" "$out" ""
out=$("${bq[@]}" insert --insert_id=r "$ds.games" "$work/rows.json" 2>&1); check "insertAll again (same insert ids)" "$out" ""
out=$("${bq[@]}" query --nouse_legacy_sql 'SELECT COUNT(*) AS n FROM `'"$ds"'.games`' 2>&1); check "duplicate insert ids dropped" "$out" '"n":"25"'
out=$("${bq[@]}" query --nouse_legacy_sql --parameter=min:INT64:20 --parameter='names:ARRAY<STRING>:["p20","p21","p3"]' 'SELECT player FROM `'"$ds"'.games` WHERE points >= @min AND player IN UNNEST(@names) ORDER BY points' 2>&1); check "named parameters" "$out" '[{"player":"p20"},{"player":"p21"}]'
out=$("${bq[@]}" query --nouse_legacy_sql --parameter=:DATE:2024-04-10 --parameter=:FLOAT64:10 'SELECT COUNT(*) AS n FROM `'"$ds"'.games` WHERE game_date = ? AND minutes > ?' 2>&1); check "positional parameters" "$out" '"n":"15"'
out=$("${bq[@]}" head -n 7 "$ds.games" 2>&1); check "tabledata.list" "$out" '"player"'
out=$("${bq[@]}" query --nouse_legacy_sql --max_rows=30 'SELECT player FROM `'"$ds"'.games` ORDER BY points' 2>&1); check "query results (all pages)" "$out" '{"player":"p24"}'
out=$("${bq[@]}" query --nouse_legacy_sql 'UPDATE `'"$ds"'.games` SET points = 0 WHERE TRUE' 2>&1); check "DML over streaming buffer refused" "$(tr '\n' ' ' <<<"$out")" "streaming buffer"
"${bq[@]}" mk --table "$ds.main" player:STRING,points:INTEGER,version:INTEGER >/dev/null 2>&1
"${bq[@]}" query --nouse_legacy_sql "INSERT INTO \`$ds.main\` (player, points, version) VALUES ('a', 1, 1), ('b', 2, 1)" >/dev/null 2>&1
out=$("${bq[@]}" query --nouse_legacy_sql "MERGE \`$ds.main\` t USING (SELECT 'b' AS player, 20 AS points UNION ALL SELECT 'c', 30) s ON t.player = s.player WHEN MATCHED THEN UPDATE SET points = s.points, version = t.version + 1 WHEN NOT MATCHED THEN INSERT (player, points, version) VALUES (s.player, s.points, 1) WHEN NOT MATCHED BY SOURCE THEN DELETE" 2>&1); check "MERGE ran" "$out" ""
out=$("${bq[@]}" query --nouse_legacy_sql 'SELECT player, points, version FROM `'"$ds"'.main` ORDER BY player' 2>&1); check "MERGE result" "$out" '[{"player":"b","points":"20","version":"2"},{"player":"c","points":"30","version":"1"}]'
"${bq[@]}" mk --table --time_partitioning_field=game_date "$ds.loaded" game_date:DATE,player:STRING,points:INTEGER >/dev/null 2>&1
printf '{"game_date":"2024-04-11","player":"l0","points":100}\n{"game_date":"2024-04-11","player":"l1","points":101}\n' > "$work/load.json"
out=$("${bq[@]}" load --source_format=NEWLINE_DELIMITED_JSON --replace "$ds.loaded\$20240411" "$work/load.json" 2>&1); check "load NDJSON into partition decorator" "$out" ""
out=$("${bq[@]}" load --source_format=NEWLINE_DELIMITED_JSON --replace "$ds.loaded\$20240411" "$work/load.json" 2>&1)
out=$("${bq[@]}" query --nouse_legacy_sql 'SELECT COUNT(*) AS n FROM `'"$ds"'.loaded`' 2>&1); check "WRITE_TRUNCATE replaced the partition" "$out" '"n":"2"'
printf 'game_date,player,points\n2024-04-12,c1,7\n' > "$work/load.csv"
out=$("${bq[@]}" load --source_format=CSV --skip_leading_rows=1 "$ds.loaded" "$work/load.csv" 2>&1)
out=$("${bq[@]}" query --nouse_legacy_sql 'SELECT COUNT(*) AS n FROM `'"$ds"'.loaded`' 2>&1); check "CSV load appended" "$out" '"n":"3"'
out=$("${bq[@]}" query --nouse_legacy_sql 'SELECT ROW_NUMBER() OVER (PARTITION BY minutes) FROM `'"$ds"'.games`' 2>&1); check "FLOAT64 in PARTITION BY refused" "$(tr '\n' ' ' <<<"$out")" "Partitioning by expressions of type FLOAT64 is not allowed"
out=$("${bq[@]}" query --nouse_legacy_sql 'SELEC 1' 2>&1); check "syntax error" "$out" "Syntax error"
out=$("${bq[@]}" show "$ds.nope" 2>&1); check "missing table" "$out" "Not found"
out=$("${bq[@]}" ls -j -n 3 2>&1); check "jobs listed" "$out" '"jobReference"'
out=$("${bq[@]}" rm -r -f -d "$ds" 2>&1); out=$("${bq[@]}" show "$ds" 2>&1); check "dataset deleted with contents" "$out" "Not found"
rm -rf "$work"
if [ "$failures" = 0 ]; then echo "ALL OK"; else echo "$failures FAILED"; exit 1; fi
