package io.lpr.camera;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * The kinds of value a {@link CameraField} holds, each with its one text form (command line, text columns,
 * checkpoints), its YAML form and its SQL column type. A stored or written value of the wrong kind is refused
 * with {@code must be <what>, got '<value>'}.
 */
public enum FieldKind {
    BOOLEAN(Boolean.class, "true or false", "BOOLEAN", "true|false"),
    NUMBER(Double.class, "a number", "DOUBLE PRECISION", "N"),
    WHOLE(Integer.class, "a whole number", "INTEGER", "N"),
    REGION(Roi.class, "[x, y, width, height] in source pixels", "TEXT", "X,Y,W,H"),
    TRANSPORT(CameraSpec.Transport.class, "tcp or udp", "TEXT", "tcp|udp");

    private final Class<?> type;
    private final String what;
    private final String sqlType;
    private final String label;

    FieldKind(Class<?> type, String what, String sqlType, String label) {
        this.type = type;
        this.what = what;
        this.sqlType = sqlType;
        this.label = label;
    }

    /** How help shows a value of this kind. */
    public String label() {
        return label;
    }

    public Class<?> type() {
        return type;
    }

    /** What a value must be, for messages and help. */
    public String what() {
        return what;
    }

    public String sqlType() {
        return sqlType;
    }

    /** The {@link java.sql.Types} code a NULL of this kind is bound as. */
    public int jdbcType() {
        return switch (this) {
            case BOOLEAN -> java.sql.Types.BOOLEAN;
            case NUMBER -> java.sql.Types.DOUBLE;
            case WHOLE -> java.sql.Types.INTEGER;
            case REGION, TRANSPORT -> java.sql.Types.VARCHAR;
        };
    }

    /** @throws IllegalArgumentException {@code must be ..., got '...'} */
    public Object parse(String text) {
        String value = text.trim();
        try {
            return switch (this) {
                case BOOLEAN -> parseBoolean(value);
                case NUMBER -> Double.parseDouble(value);
                case WHOLE -> Integer.parseInt(value);
                case REGION -> Roi.parse(value);
                case TRANSPORT -> CameraSpec.Transport.valueOf(value.toUpperCase(Locale.ROOT));
            };
        } catch (IllegalArgumentException e) { // NumberFormatException included
            throw refused(text);
        }
    }

    /** A YAML value: only its own kind, never a number written as text. */
    public Object fromJson(JsonNode node) {
        switch (this) {
            case BOOLEAN -> {
                if (node.isBoolean()) {
                    return node.booleanValue();
                }
            }
            case NUMBER -> {
                if (node.isNumber()) {
                    return node.doubleValue();
                }
            }
            case WHOLE -> {
                if (node.isIntegralNumber() && node.canConvertToInt()) {
                    return node.intValue();
                }
            }
            case REGION -> {
                if (node.isTextual()) {
                    return parse(node.asText());
                }
                if (node.isArray() && node.size() == 4) {
                    int[] n = new int[4];
                    for (int i = 0; i < 4; i++) {
                        if (!node.get(i).isIntegralNumber() || !node.get(i).canConvertToInt()) {
                            throw refused(node.toString());
                        }
                        n[i] = node.get(i).intValue();
                    }
                    return Roi.of(n[0], n[1], n[2], n[3]);
                }
            }
            case TRANSPORT -> {
                if (node.isTextual()) {
                    return parse(node.asText());
                }
            }
        }
        throw refused(node.isValueNode() ? node.asText() : node.toString());
    }

    /** A value as a database driver returns it ({@code getObject}): SQLite keeps any type in any column. */
    public Object fromSql(Object stored) {
        if (stored instanceof String text) {
            return parse(text);
        }
        if (this == BOOLEAN && stored instanceof Number n && (n.longValue() == 0 || n.longValue() == 1)
                && n.doubleValue() == n.longValue()) {
            return n.longValue() == 1;
        }
        if (this == NUMBER && stored instanceof Number n) {
            return n.doubleValue();
        }
        if (this == WHOLE && stored instanceof Number n && n.doubleValue() == n.intValue()) {
            return n.intValue();
        }
        if (type.isInstance(stored)) {
            return stored;
        }
        throw refused(String.valueOf(stored));
    }

    /** What the database stores: booleans and numbers as they are, the rest as text. */
    public Object toSql(Object value) {
        return value == null || this == BOOLEAN || this == NUMBER || this == WHOLE ? value : format(value);
    }

    /** The text {@link #parse} reads back. */
    public String format(Object value) {
        return value instanceof CameraSpec.Transport t ? t.name().toLowerCase(Locale.ROOT) : String.valueOf(value);
    }

    /** {@code value} as this kind's type, or a refusal naming what it is. */
    Object cast(Object value) {
        if (!type.isInstance(value)) {
            throw refused(String.valueOf(value));
        }
        return value;
    }

    private static Boolean parseBoolean(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "t", "1" -> true;
            case "false", "f", "0" -> false;
            default -> throw new IllegalArgumentException(value);
        };
    }

    private IllegalArgumentException refused(String value) {
        return new IllegalArgumentException("must be " + what + ", got '" + StreamUrls.mask(value) + "'");
    }
}
