package io.github.courtside.core.warehouse;

/** GoogleSQL (BigQuery): backtick quoting, FLOAT64 keys grouped through their exact text. */
final class GoogleSqlDialect extends AbstractSqlDialect {
  static final GoogleSqlDialect INSTANCE = new GoogleSqlDialect();

  private GoogleSqlDialect() {}

  @Override
  public String name() {
    return "googlesql";
  }

  @Override
  public String table(TableId table) {
    return "`" + table.qualifiedName() + "`";
  }

  @Override
  public String identifier(String name) {
    return "`" + name + "`";
  }

  @Override
  public String typeName(ColumnType type) {
    return type.name();
  }

  /** A named query parameter, typed by the parameter the job declares. */
  @Override
  public String parameter(String name, ColumnType type) {
    return "@" + name;
  }

  /**
   * FLOAT64 is refused in PARTITION BY (I-1); {@code FORMAT('%.17g', x + 0.0)} is its exact decimal
   * text (17 significant digits round-trip every double, {@code + 0.0} folds -0.0 into 0.0) and
   * stays NULL for NULL. JSON is not groupable and is refused as a key by the planner.
   */
  @Override
  public String groupingKey(String expression, ColumnType type) {
    return switch (type) {
      case FLOAT64 -> "FORMAT('%.17g', " + expression + " + 0.0)";
      case JSON -> "TO_JSON_STRING(" + expression + ")";
      default -> expression;
    };
  }

  /**
   * A struct around the value, because ARRAY_AGG refuses NULL elements. An aggregate's ORDER BY in
   * BigQuery takes no NULLS clause: NULL is the smallest value, so {@code ASC NULLS FIRST} and
   * {@code DESC NULLS LAST} are written without it, and the other two orders are refused.
   */
  @Override
  public String firstInOrder(String expression, String orderBy) {
    String order =
        orderBy
            .replaceAll("(?i)\\bASC\\s+NULLS\\s+FIRST\\b", "ASC")
            .replaceAll("(?i)\\bDESC\\s+NULLS\\s+LAST\\b", "DESC");
    if (order.matches("(?is).*\\bNULLS\\s+(FIRST|LAST)\\b.*")) {
      throw new IllegalArgumentException(
          "BigQuery orders an aggregate with NULLs first ascending and last descending only: "
              + orderBy);
    }
    return "ARRAY_AGG(STRUCT(" + expression + " AS v) ORDER BY " + order + " LIMIT 1)[OFFSET(0)].v";
  }

  @Override
  public String comparable(String expression, ColumnType type) {
    return type == ColumnType.JSON ? "TO_JSON_STRING(" + expression + ")" : expression;
  }

  /**
   * GoogleSQL escapes: backslash, quote and the control characters a quoted literal may not hold
   * raw (a newline ends a {@code '...'} literal with an error).
   */
  @Override
  String stringLiteral(String value) {
    StringBuilder text = new StringBuilder(value.length() + 2).append('\'');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> text.append("\\\\");
        case '\'' -> text.append("\\'");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        case '\t' -> text.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            text.append(String.format("\\u%04x", (int) c));
          } else {
            text.append(c);
          }
        }
      }
    }
    return text.append('\'').toString();
  }

  @Override
  String timestampLiteral(String utcText) {
    return "TIMESTAMP '" + utcText + "+00'";
  }

  @Override
  String jsonLiteral(String quotedText) {
    return "PARSE_JSON(" + quotedText + ")";
  }
}
