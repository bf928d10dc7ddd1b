package dev.heed.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Turns the fields a task's predictor writes (the JSON of a {@code heed} output line) into a Spark row of the
 * task's {@link HeedTask#fields() type}: a field the line does not have is null. Stateless.
 */
final class ResultRows {

    private ResultRows() {
    }

    /** The row of {@code fields} under {@code type}. */
    static Row toRow(JsonNode fields, StructType type) {
        StructField[] f = type.fields();
        Object[] values = new Object[f.length];
        for (int i = 0; i < f.length; i++) {
            values[i] = value(fields.get(f[i].name()), f[i].dataType());
        }
        return RowFactory.create(values);
    }

    private static Object value(JsonNode node, DataType type) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (type.equals(DataTypes.StringType)) {
            return node.asText();
        }
        if (type.equals(DataTypes.DoubleType)) {
            return node.asDouble();
        }
        if (type.equals(DataTypes.FloatType)) {
            return node.floatValue();
        }
        if (type.equals(DataTypes.IntegerType)) {
            return node.asInt();
        }
        if (type.equals(DataTypes.LongType)) {
            return node.asLong();
        }
        if (type.equals(DataTypes.BooleanType)) {
            return node.asBoolean();
        }
        if (type instanceof ArrayType a) {
            List<Object> items = new ArrayList<>(node.size());
            node.forEach(item -> items.add(value(item, a.elementType())));
            return CollectionConverters.asScala(items).toSeq();
        }
        if (type instanceof MapType m) {
            Map<String, Object> entries = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> entries.put(e.getKey(), value(e.getValue(), m.valueType())));
            return CollectionConverters.asScala(entries);
        }
        if (type instanceof StructType s) {
            return toRow(node, s);
        }
        throw new IllegalArgumentException("no conversion of JSON to " + type);
    }
}
