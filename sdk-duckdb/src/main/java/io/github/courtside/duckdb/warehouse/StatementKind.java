package io.github.courtside.duckdb.warehouse;

import java.util.Locale;

/** What a statement does, judged by its first keyword after comments and a WITH clause. */
enum StatementKind {
  INSERT,
  UPDATE,
  DELETE,
  MERGE,
  OTHER;

  static StatementKind of(String sql) {
    String text = withoutLeadingComments(sql);
    String word = firstWord(text);
    if (word.equals("WITH")) {
      // WITH ... INSERT/UPDATE/DELETE/MERGE: the first DML keyword outside parentheses decides
      int depth = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '(') {
          depth++;
        } else if (c == ')') {
          depth--;
        } else if (depth == 0
            && Character.isLetter(c)
            && (i == 0 || !isWordChar(text.charAt(i - 1)))) {
          StatementKind kind = keyword(firstWord(text.substring(i)));
          if (kind != OTHER) {
            return kind;
          }
        }
      }
      return OTHER;
    }
    return keyword(word);
  }

  private static StatementKind keyword(String word) {
    return switch (word) {
      case "INSERT" -> INSERT;
      case "UPDATE" -> UPDATE;
      case "DELETE" -> DELETE;
      case "MERGE" -> MERGE;
      default -> OTHER;
    };
  }

  private static String firstWord(String text) {
    int end = 0;
    while (end < text.length() && isWordChar(text.charAt(end))) {
      end++;
    }
    return text.substring(0, end).toUpperCase(Locale.ROOT);
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private static String withoutLeadingComments(String sql) {
    String text = sql.strip();
    while (true) {
      if (text.startsWith("--")) {
        int end = text.indexOf('\n');
        text = end < 0 ? "" : text.substring(end + 1).strip();
      } else if (text.startsWith("/*")) {
        int end = text.indexOf("*/");
        text = end < 0 ? "" : text.substring(end + 2).strip();
      } else {
        return text;
      }
    }
  }
}
