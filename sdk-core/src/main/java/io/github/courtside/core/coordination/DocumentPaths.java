package io.github.courtside.core.coordination;

/** Validation and arithmetic of document and collection paths. */
public final class DocumentPaths {
  private DocumentPaths() {}

  /**
   * Checks that {@code path} addresses a document: an even number of non-empty segments without
   * surrounding white space, alternating collection and id.
   */
  public static String requireDocumentPath(String path) {
    int segments = checkSegments(path);
    if (segments % 2 != 0) {
      throw new IllegalArgumentException(
          "'" + path + "' is not a document path (collection/id[/collection/id...])");
    }
    return path;
  }

  /** Checks that {@code path} addresses a collection: an odd number of non-empty segments. */
  public static String requireCollectionPath(String path) {
    int segments = checkSegments(path);
    if (segments % 2 != 1) {
      throw new IllegalArgumentException(
          "'" + path + "' is not a collection path (collection[/id/collection...])");
    }
    return path;
  }

  /** The collection a document lies in. */
  public static String collectionOf(String documentPath) {
    return documentPath.substring(0, documentPath.lastIndexOf('/'));
  }

  /** The last segment of a document path. */
  public static String idOf(String documentPath) {
    return documentPath.substring(documentPath.lastIndexOf('/') + 1);
  }

  /** Joins a collection path and a document id. */
  public static String child(String collection, String id) {
    return requireDocumentPath(collection + "/" + id);
  }

  private static int checkSegments(String path) {
    if (path.isEmpty()) {
      throw new IllegalArgumentException("empty path");
    }
    String[] parts = path.split("/", -1);
    for (String part : parts) {
      if (part.isEmpty() || !part.strip().equals(part) || part.equals(".") || part.equals("..")) {
        throw new IllegalArgumentException("path '" + path + "' has an empty or invalid segment");
      }
      if (part.startsWith("__") && part.endsWith("__")) {
        throw new IllegalArgumentException("path '" + path + "' uses a reserved id " + part);
      }
    }
    return parts.length;
  }
}
