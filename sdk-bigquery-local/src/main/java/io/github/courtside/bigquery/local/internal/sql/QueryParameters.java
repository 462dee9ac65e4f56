package io.github.courtside.bigquery.local.internal.sql;

import com.google.api.services.bigquery.model.QueryParameter;
import com.google.zetasql.Type;
import io.github.courtside.bigquery.local.internal.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A job's query parameters, typed for the analyzer and rendered once as DuckDB literals: all named
 * ({@code @name}) or all positional ({@code ?}), as BigQuery requires.
 */
record QueryParameters(
    Map<String, Type> namedTypes,
    List<Type> positionalTypes,
    Map<String, String> namedValues,
    List<String> positionalValues) {

  static QueryParameters of(List<QueryParameter> parameters) {
    Map<String, Type> namedTypes = new LinkedHashMap<>();
    Map<String, String> namedValues = new LinkedHashMap<>();
    List<Type> positionalTypes = new ArrayList<>();
    List<String> positionalValues = new ArrayList<>();
    for (QueryParameter p : parameters) {
      boolean named = p.getName() != null && !p.getName().isEmpty();
      String what = named ? "@" + p.getName() : "#" + (positionalTypes.size() + 1);
      if (p.getParameterType() == null) {
        throw ApiException.invalid("Query parameter " + what + " has no parameterType");
      }
      Type type = ZetaTypes.fromParameterType(p.getParameterType(), what);
      String value = DuckDbLiterals.parameter(p.getParameterValue(), type, what);
      if (named) {
        String key = p.getName().toLowerCase(Locale.ROOT);
        if (namedTypes.containsKey(key)) {
          throw ApiException.invalid("Duplicate query parameter name: " + p.getName());
        }
        namedTypes.put(key, type);
        namedValues.put(key, value);
      } else {
        positionalTypes.add(type);
        positionalValues.add(value);
      }
    }
    if (!namedTypes.isEmpty() && !positionalTypes.isEmpty()) {
      throw ApiException.invalid(
          "Query parameters must be all named or all positional, not a mix of both");
    }
    return new QueryParameters(namedTypes, positionalTypes, namedValues, positionalValues);
  }
}
