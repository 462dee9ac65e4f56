package io.github.courtside.bigquery.local.internal.storage;

import static org.quicktheories.generators.SourceDSL.*;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Random canonical values per scalar type, over BigQuery's whole ranges. */
final class CanonicalGenerators {
  static final long MIN_MICROS =
      Instant.parse("0001-01-01T00:00:00Z").getEpochSecond() * 1_000_000L;
  static final long MAX_MICROS =
      Instant.parse("9999-12-31T23:59:59.999999Z").getEpochSecond() * 1_000_000L + 999_999L;

  private CanonicalGenerators() {}

  static Gen<Object> of(BigQueryType type) {
    Gen<? extends Object> gen =
        switch (type) {
          case INT64 -> longs().all();
          case FLOAT64 ->
              doubles()
                  .any()
                  .mix(
                      Generate.pick(
                          List.of(
                              Double.NaN,
                              Double.POSITIVE_INFINITY,
                              Double.NEGATIVE_INFINITY,
                              -0.0,
                              0.0,
                              Double.MIN_VALUE,
                              Double.MAX_VALUE,
                              25.5)),
                      20);
          case NUMERIC ->
              longs()
                  .all()
                  .zip(
                      longs().between(0, 9_999_999_999_999_999L),
                      integers().between(0, 9),
                      (hi, lo, scale) ->
                          new BigDecimal(
                                  BigInteger.valueOf(hi / 1000)
                                      .multiply(BigInteger.TEN.pow(16))
                                      .add(BigInteger.valueOf(lo)),
                                  9)
                              .setScale(scale, java.math.RoundingMode.DOWN)
                              .setScale(9));
          case BIGNUMERIC ->
              longs()
                  .all()
                  .zip(
                      integers().between(0, 19),
                      (unscaled, scale) -> BigDecimal.valueOf(unscaled, scale).setScale(19));
          case BOOL -> booleans().all();
          case STRING ->
              strings()
                  .betweenCodePoints(1, 0xD7FF)
                  .ofLengthBetween(0, 12)
                  .mix(
                      Generate.pick(
                          List.of("a,b", "\"quoted\"", "line\nbreak", "cr\r\nlf", " pad ", "NULL")),
                      20);
          case BYTES ->
              Generate.byteArrays(
                  integers().between(0, 16), Generate.bytes((byte) -128, (byte) 127, (byte) 0));
          case DATE ->
              longs()
                  .between(
                      LocalDate.of(1, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay())
                  .map(LocalDate::ofEpochDay);
          case DATETIME ->
              longs()
                  .between(MIN_MICROS, MAX_MICROS)
                  .map(m -> LocalDateTime.ofInstant(instant(m), ZoneOffset.UTC));
          case TIME ->
              longs().between(0, 86_400_000_000L - 1).map(m -> LocalTime.ofNanoOfDay(m * 1000));
          case TIMESTAMP ->
              longs()
                  .between(MIN_MICROS, MAX_MICROS)
                  .map(CanonicalGenerators::instant)
                  .mix(
                      Generate.pick(
                          List.of(
                              Instant.EPOCH,
                              Instant.parse("2024-04-10T18:30:00.123456Z"),
                              Instant.parse("1969-12-31T23:59:59.999999Z"))),
                      20);
          case JSON ->
              integers()
                  .all()
                  .zip(
                      strings().basicLatinAlphabet().ofLengthBetween(0, 5),
                      (n, s) ->
                          "{\"n\":"
                              + n
                              + ",\"s\":"
                              + new com.google.gson.Gson().toJson(s)
                              + ",\"a\":[1,null,true]}");
          case GEOGRAPHY ->
              integers()
                  .between(-180, 180)
                  .zip(integers().between(-90, 90), (x, y) -> "POINT(" + x + " " + y + ")");
          case RECORD -> throw new IllegalArgumentException("RECORD");
        };
    @SuppressWarnings("unchecked")
    Gen<Object> out = (Gen<Object>) gen;
    return out;
  }

  static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
  }

  /** The scalar types (all but RECORD). */
  static List<BigQueryType> scalars() {
    return java.util.Arrays.stream(BigQueryType.values())
        .filter(t -> t != BigQueryType.RECORD)
        .toList();
  }
}
