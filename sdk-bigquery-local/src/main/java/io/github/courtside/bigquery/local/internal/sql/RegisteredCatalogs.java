package io.github.courtside.bigquery.local.internal.sql;

import com.google.zetasql.SimpleCatalog;
import com.google.zetasql.SqlException;
import com.google.zetasql.ZetaSQLBuiltinFunctionOptions;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catalogs registered with ZetaSQL's native analyzer, one per set of tables (paths and schemas), so
 * that a statement over tables seen before is analysed against a catalog the native side already
 * holds.
 *
 * <p>Why: an unregistered catalog is sent with every analysis, and the native side then rebuilds
 * every builtin function signature for it (about 25 ms a statement); a registered one is analysed
 * in a few milliseconds. A registered catalog cannot change, so one is registered per distinct
 * table set, the least recently used are unregistered beyond {@link #CAPACITY} (each holds its own
 * builtin functions natively).
 *
 * <p>New catalogs get the builtin functions and types of one prototype, fetched once: ZetaSQL's
 * public {@code addZetaSQLFunctionsAndTypes} would fetch and deserialize them again (about 100 ms).
 * The copy reads three fields of {@link SimpleCatalog} reflectively; if a ZetaSQL release renames
 * them, catalogs fall back to the public call (slower, same results).
 */
final class RegisteredCatalogs {
  static final int CAPACITY = 16;
  private static final Logger log = LoggerFactory.getLogger(RegisteredCatalogs.class);

  private final ZetaSQLBuiltinFunctionOptions builtins;
  private final SimpleCatalog prototype;
  private final @Nullable BuiltinCopy copy;
  private final Map<String, SimpleCatalog> bySignature;
  private final Map<String, Boolean> seenOnce;
  private boolean registrationWorks = true;

  RegisteredCatalogs(ZetaSQLBuiltinFunctionOptions builtins) {
    this(builtins, CAPACITY);
  }

  RegisteredCatalogs(ZetaSQLBuiltinFunctionOptions builtins, int capacity) {
    this.bySignature =
        new LinkedHashMap<>(capacity * 2, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, SimpleCatalog> eldest) {
            if (size() <= capacity) {
              return false;
            }
            eldest.getValue().unregister();
            return true;
          }
        };
    this.seenOnce =
        new LinkedHashMap<>(capacity * 8, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > capacity * 4;
          }
        };
    this.builtins = builtins;
    this.prototype = new SimpleCatalog("bigquery");
    prototype.addZetaSQLFunctionsAndTypes(builtins);
    this.copy = BuiltinCopy.create();
  }

  /** An empty, unregistered catalog with the builtin functions and types. */
  SimpleCatalog newCatalog() {
    SimpleCatalog catalog = new SimpleCatalog("bigquery");
    if (copy == null || !copy.copy(prototype, catalog)) {
      catalog.addZetaSQLFunctionsAndTypes(builtins);
    }
    return catalog;
  }

  /**
   * The catalog to analyse with for {@code signature}: the one registered before; or, the second
   * time a table set is seen, {@code filled} (holding exactly the tables of that signature)
   * registered now; or, the first time, {@code filled} unregistered (registering costs about two
   * unregistered analyses, so a table set seen once, such as a batch's fresh staging tables, is not
   * registered). Falls back to {@code filled} unregistered if registration fails. Not thread-safe:
   * the caller serialises calls.
   */
  SimpleCatalog registered(String signature, SimpleCatalog filled) {
    SimpleCatalog known = bySignature.get(signature);
    if (known != null) {
      return known;
    }
    if (!registrationWorks || seenOnce.put(signature, Boolean.TRUE) == null) {
      return filled;
    }
    try {
      filled.register();
    } catch (SqlException | IllegalStateException e) {
      registrationWorks = false;
      log.warn("ZetaSQL catalog registration failed; analysing with unregistered catalogs", e);
      return filled;
    }
    bySignature.put(signature, filled);
    return filled;
  }

  /** Whether new catalogs get the prototype's builtins by copy (false: the slow public call). */
  boolean copiesBuiltins() {
    return copy != null;
  }

  /** How many catalogs are registered now. */
  int size() {
    return bySignature.size();
  }

  /** Copies the prototype's builtin functions, types and function options into a new catalog. */
  private record BuiltinCopy(Field options, Field functions, Field types) {
    static @Nullable BuiltinCopy create() {
      try {
        return new BuiltinCopy(
            accessible("builtinFunctionOptions"),
            accessible("functionsByFullName"),
            accessible("types"));
      } catch (ReflectiveOperationException | RuntimeException e) {
        log.debug("cannot copy builtin functions between ZetaSQL catalogs: {}", e.toString());
        return null;
      }
    }

    private static Field accessible(String name) throws NoSuchFieldException {
      Field field = SimpleCatalog.class.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    }

    @SuppressWarnings("unchecked")
    boolean copy(SimpleCatalog from, SimpleCatalog to) {
      try {
        options.set(to, options.get(from));
        ((Map<Object, Object>) functions.get(to)).putAll((Map<Object, Object>) functions.get(from));
        ((Map<Object, Object>) types.get(to)).putAll((Map<Object, Object>) types.get(from));
        return true;
      } catch (ReflectiveOperationException | RuntimeException e) {
        log.debug("cannot copy builtin functions between ZetaSQL catalogs: {}", e.toString());
        return false;
      }
    }
  }
}
