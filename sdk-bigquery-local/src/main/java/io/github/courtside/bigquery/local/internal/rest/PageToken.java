package io.github.courtside.bigquery.local.internal.rest;

import io.github.courtside.bigquery.local.internal.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * Opaque page tokens: the offset of the next item, base64-encoded. The same token form serves every
 * list and result call, so a token from {@code jobs.query} also works on {@code getQueryResults}
 * and on {@code tabledata.list} of the job's destination table.
 */
final class PageToken {
  private static final String PREFIX = "offset:";

  private PageToken() {}

  static String of(long offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
  }

  /** The offset a token stands for, or {@code absent} when there is no token. */
  static long offset(@Nullable String token, long absent) {
    if (token == null || token.isEmpty()) {
      return absent;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (text.startsWith(PREFIX)) {
        return Long.parseLong(text.substring(PREFIX.length()));
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error
    }
    throw ApiException.invalid("Invalid page token: " + token);
  }

  /** The token of the page after {@code [offset, offset + size)}, or null at the end. */
  static @Nullable String next(long offset, long size, long total) {
    return offset + size < total ? of(offset + size) : null;
  }
}
