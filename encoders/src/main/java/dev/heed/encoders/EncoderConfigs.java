package dev.heed.encoders;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes config records by their component names, strictly: an unknown key or a malformed value
 * is an error that lists what is valid. Values may be strings (command line: {@code widths=3,4,5}) or JSON
 * values (a model's manifest). Supports int, long, float, double, boolean, String and List of Integer.
 */
public final class EncoderConfigs {

    private EncoderConfigs() {
    }

    /** {@code defaults} with the entries of {@code overrides} replacing its components of the same name. */
    @SuppressWarnings("unchecked")
    public static <R extends Record> R parse(R defaults, Map<String, ?> overrides) {
        RecordComponent[] components = defaults.getClass().getRecordComponents();
        List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
        for (String key : overrides.keySet()) {
            if (!names.contains(key)) {
                throw new IllegalArgumentException("unknown setting '" + key + "' for "
                        + defaults.getClass().getSimpleName() + "; valid: " + names);
            }
        }
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            Object given = overrides.get(c.getName());
            values[i] = given == null ? read(c, defaults) : convert(c, given);
        }
        try {
            Constructor<?> constructor = defaults.getClass().getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return (R) constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The components of {@code config} by name, in declaration order, as JSON-friendly values. */
    public static Map<String, Object> toMap(Record config) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (RecordComponent c : config.getClass().getRecordComponents()) {
            map.put(c.getName(), read(c, config));
        }
        return map;
    }

    private static Object read(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object convert(RecordComponent c, Object value) {
        Class<?> type = c.getType();
        String text = value.toString().strip();
        try {
            if (type == int.class) {
                return value instanceof Number n && n.doubleValue() == n.intValue() ? n.intValue() : Integer.parseInt(text);
            }
            if (type == long.class) {
                return value instanceof Number n ? n.longValue() : Long.parseLong(text);
            }
            if (type == float.class) {
                return value instanceof Number n ? n.floatValue() : Float.parseFloat(text);
            }
            if (type == double.class) {
                return value instanceof Number n ? n.doubleValue() : Double.parseDouble(text);
            }
            if (type == boolean.class) {
                if (value instanceof Boolean b) {
                    return b;
                }
                if (!text.equals("true") && !text.equals("false")) {
                    throw new NumberFormatException("not true or false");
                }
                return Boolean.parseBoolean(text);
            }
            if (type == String.class) {
                return text;
            }
            if (type == List.class && c.getGenericType() instanceof ParameterizedType p
                    && p.getActualTypeArguments()[0] == Integer.class) {
                List<Integer> list = new ArrayList<>();
                if (value instanceof List<?> l) {
                    for (Object o : l) {
                        list.add(o instanceof Number n ? n.intValue() : Integer.parseInt(o.toString().strip()));
                    }
                } else {
                    for (String part : text.split(",")) {
                        list.add(Integer.parseInt(part.strip()));
                    }
                }
                return List.copyOf(list);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting '" + c.getName() + "' must be " + describe(c)
                    + ", got '" + value + "'");
        }
        throw new IllegalStateException("unsupported config type " + type + " for " + c.getName());
    }

    private static String describe(RecordComponent c) {
        Class<?> t = c.getType();
        return t == List.class ? "a comma-separated list of integers" : "a " + t.getSimpleName();
    }
}
