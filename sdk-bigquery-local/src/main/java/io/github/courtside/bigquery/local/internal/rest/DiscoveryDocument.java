package io.github.courtside.bigquery.local.internal.rest;

import com.google.api.client.json.GenericJson;
import com.google.api.client.json.JsonParser;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.client.util.DateTime;
import com.google.api.client.util.Key;
import com.google.api.services.bigquery.model.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The API discovery document of the methods this server serves, as BigQuery publishes it at {@code
 * /$discovery/rest?version=v2}: what discovery-driven clients (the {@code bq} tool, Python's
 * googleapiclient) read before their first call.
 *
 * <p>The methods and their parameters are BigQuery v2's (a resource file holding only the methods
 * routed here; a test keeps the two in step). The schemas are generated from the {@code
 * com.google.api.services.bigquery.model} classes that parse requests and write responses, so they
 * describe exactly the fields this server reads and writes. {@code rootUrl} is the server's own
 * address as the client reached it.
 */
final class DiscoveryDocument {
  private static final String METHODS = "discovery-methods.json";
  private static final String MODEL_PACKAGE = Dataset.class.getPackageName();

  private final GenericJson methods;
  private final Map<String, Object> schemas;

  private DiscoveryDocument(GenericJson methods, Map<String, Object> schemas) {
    this.methods = methods;
    this.schemas = schemas;
  }

  /** Loads the method descriptions and generates the schemas they refer to. */
  static DiscoveryDocument load() {
    GenericJson methods = readMethods();
    Deque<String> pending = new ArrayDeque<>();
    collectRefs(methods, pending);
    Map<String, Object> schemas = new LinkedHashMap<>();
    while (!pending.isEmpty()) {
      String name = pending.pop();
      if (!schemas.containsKey(name)) {
        schemas.put(name, schemaOf(modelClass(name), pending));
      }
    }
    return new DiscoveryDocument(methods, schemas);
  }

  /**
   * The document for a client that reached the server at {@code baseUrl} ({@code
   * http://host:port}).
   */
  GenericJson forBaseUrl(String baseUrl) {
    GenericJson doc = new GenericJson();
    doc.put("kind", "discovery#restDescription");
    doc.put("discoveryVersion", "v1");
    doc.put("id", "bigquery:v2");
    doc.put("name", "bigquery");
    doc.put("canonicalName", "Bigquery");
    doc.put("version", "v2");
    doc.put("title", "BigQuery API (local server)");
    doc.put("protocol", "rest");
    doc.put("rootUrl", baseUrl + "/");
    doc.put("servicePath", "bigquery/v2/");
    doc.put("basePath", "/bigquery/v2/");
    doc.put("baseUrl", baseUrl + "/bigquery/v2/");
    doc.put("batchPath", "batch/bigquery/v2");
    doc.put("parameters", methods.get("parameters"));
    doc.put("resources", methods.get("resources"));
    doc.put("schemas", schemas);
    return doc;
  }

  /** The API method ids ({@code datasets.insert}, ...) the document describes. */
  List<String> methodIds() {
    return resources().entrySet().stream()
        .flatMap(
            resource ->
                asMap(asMap(resource.getValue()).get("methods")).keySet().stream()
                    .map(method -> resource.getKey() + "." + method))
        .sorted()
        .toList();
  }

  /** The description of one method ({@code httpMethod}, {@code path}, {@code parameters}, ...). */
  Map<String, Object> method(String id) {
    int dot = id.indexOf('.');
    Map<String, Object> resource = asMap(resources().get(id.substring(0, dot)));
    return asMap(asMap(resource.get("methods")).get(id.substring(dot + 1)));
  }

  /** The generated schemas by id. */
  Map<String, Object> schemas() {
    return schemas;
  }

  private Map<String, Object> resources() {
    return asMap(methods.get("resources"));
  }

  private static GenericJson readMethods() {
    try (InputStream in =
        Objects.requireNonNull(
            DiscoveryDocument.class.getResourceAsStream(METHODS), "missing resource " + METHODS)) {
      JsonParser parser =
          GsonFactory.getDefaultInstance().createJsonParser(in, StandardCharsets.UTF_8);
      return parser.parse(GenericJson.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + METHODS, e);
    }
  }

  private static void collectRefs(Object node, Deque<String> out) {
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if ("$ref".equals(entry.getKey()) && entry.getValue() instanceof String ref) {
          out.add(ref);
        } else {
          collectRefs(entry.getValue(), out);
        }
      }
    } else if (node instanceof List<?> list) {
      list.forEach(element -> collectRefs(element, out));
    }
  }

  /** Schema ids name model classes; nested classes are {@code Outer.Inner}. */
  private static Class<?> modelClass(String schemaId) {
    String binaryName = MODEL_PACKAGE + "." + schemaId.replace('.', '$');
    try {
      return Class.forName(binaryName, false, DiscoveryDocument.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("no model class for discovery schema " + schemaId, e);
    }
  }

  private static String schemaId(Class<?> type) {
    return type.getName().substring(MODEL_PACKAGE.length() + 1).replace('$', '.');
  }

  private static Map<String, Object> schemaOf(Class<?> type, Deque<String> pending) {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (Class<?> c = type; c != null && c != GenericJson.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        Key key = field.getAnnotation(Key.class);
        if (key == null || Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        String name = key.value().equals("##default") ? field.getName() : key.value();
        properties.put(name, typeOf(field.getGenericType(), pending));
      }
    }
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("id", schemaId(type));
    schema.put("type", "object");
    schema.put("properties", properties);
    return schema;
  }

  private static Map<String, Object> typeOf(Type type, Deque<String> pending) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (type instanceof ParameterizedType parameterized) {
      Class<?> raw = (Class<?>) parameterized.getRawType();
      Type[] args = parameterized.getActualTypeArguments();
      if (List.class.isAssignableFrom(raw)) {
        out.put("type", "array");
        out.put("items", typeOf(args[0], pending));
      } else if (Map.class.isAssignableFrom(raw)) {
        out.put("type", "object");
        out.put("additionalProperties", typeOf(args[1], pending));
      } else {
        out.put("type", "any");
      }
      return out;
    }
    if (!(type instanceof Class<?> c)) {
      out.put("type", "any");
      return out;
    }
    if (c == String.class) {
      out.put("type", "string");
    } else if (c == Long.class || c == long.class || c == java.math.BigInteger.class) {
      out.put("type", "string");
      out.put("format", "int64");
    } else if (c == Integer.class || c == int.class) {
      out.put("type", "integer");
      out.put("format", "int32");
    } else if (c == Double.class || c == double.class || c == Float.class) {
      out.put("type", "number");
      out.put("format", "double");
    } else if (c == Boolean.class || c == boolean.class) {
      out.put("type", "boolean");
    } else if (c == DateTime.class) {
      out.put("type", "string");
      out.put("format", "date-time");
    } else if (c.getName().startsWith(MODEL_PACKAGE + ".")
        && GenericJson.class.isAssignableFrom(c)) {
      String id = schemaId(c);
      pending.add(id);
      out.put("$ref", id);
    } else {
      out.put("type", "any");
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(@Nullable Object value) {
    if (!(value instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("not described in the discovery document: " + value);
    }
    return (Map<String, Object>) value;
  }
}
