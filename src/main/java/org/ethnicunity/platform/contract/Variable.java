package org.ethnicunity.platform.contract;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.ethnicunity.platform.engine.RuleViolation;

/**
 * One process variable: its name, the Chinese label its form gives it (messages name the field as
 * the person saw it), its type, and how a submitted value becomes that type. Every read of a
 * submitted value goes through {@link #require} or {@link #get}, so a wrong type, a blank text or an
 * unknown option is refused the same way on every door (Tasklist, REST, the Java API) with a message
 * in Chinese, and nothing is written.
 *
 * @param <T> the Java type a reader gets
 */
public final class Variable<T> {

    /** Longer than any real report; keeps a pasted book out of the database. */
    public static final int TEXT_MAX = 20_000;

    private final String name;
    private final String label;
    private final Class<T> type;
    private final Function<Object, T> parse;
    private final Function<T, Object> store;

    private Variable(String name, String label, Class<T> type, Function<Object, T> parse, Function<T, Object> store) {
        this.name = name;
        this.label = label;
        this.type = type;
        this.parse = parse;
        this.store = store;
    }

    /** A text a person writes, trimmed, at most {@link #TEXT_MAX} characters. */
    public static Variable<String> text(String name, String label) {
        return text(name, label, TEXT_MAX);
    }

    /** A text a person writes, trimmed, at most {@code max} characters. */
    public static Variable<String> text(String name, String label, int max) {
        return new Variable<>(name, label, String.class, raw -> {
            if (!(raw instanceof String s)) {
                throw new RuleViolation(name, "「" + label + "」须为文字，收到的「" + raw + "」不是");
            }
            String text = s.trim();
            if (text.isEmpty()) {
                return null;
            }
            if (text.length() > max) {
                throw new RuleViolation(name, "「" + label + "」不能超过 " + max + " 字");
            }
            return text;
        }, text -> text);
    }

    /** A record's number (a database id): a positive whole number of at most 18 digits. */
    public static Variable<Long> id(String name, String label) {
        return new Variable<>(name, label, Long.class, raw -> {
            String text = raw.toString().trim();
            if (raw instanceof Number n && !(raw instanceof Double) && !(raw instanceof Float)) {
                text = Long.toString(n.longValue());
            }
            if (text.isEmpty()) {
                return null;
            }
            if (!text.matches("[0-9]{1,18}") || Long.parseLong(text) <= 0) {
                throw new RuleViolation(name, "「" + label + "」须为正整数编号，收到的「" + raw + "」不是");
            }
            return Long.parseLong(text);
        }, id -> id);
    }

    /** A whole number (a count, a score, a year). */
    public static Variable<Integer> integer(String name, String label) {
        return new Variable<>(name, label, Integer.class, raw -> {
            if (raw instanceof Integer || raw instanceof Short || raw instanceof Long l && l == l.intValue()) {
                return ((Number) raw).intValue();
            }
            if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < Integer.MAX_VALUE) {
                return n.intValue();
            }
            String text = raw.toString().trim();
            if (text.isEmpty()) {
                return null;
            }
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new RuleViolation(name, "「" + label + "」须为整数，收到的「" + raw + "」不是");
            }
        }, number -> number);
    }

    /** A number with decimals (points); NaN and infinities are refused. */
    public static Variable<Double> number(String name, String label) {
        return new Variable<>(name, label, Double.class, raw -> {
            double value;
            if (raw instanceof Number n) {
                value = n.doubleValue();
            } else {
                String text = raw.toString().trim();
                if (text.isEmpty()) {
                    return null;
                }
                try {
                    value = Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new RuleViolation(name, "「" + label + "」须为数字，收到的「" + raw + "」不是");
                }
            }
            if (!Double.isFinite(value)) {
                throw new RuleViolation(name, "「" + label + "」须为数字，收到的「" + raw + "」不是");
            }
            return value;
        }, number -> number);
    }

    /** Yes or no: a Boolean, or the text true / false. */
    public static Variable<Boolean> flag(String name, String label) {
        return new Variable<>(name, label, Boolean.class, raw -> {
            if (raw instanceof Boolean b) {
                return b;
            }
            String text = raw.toString().trim();
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(text);
            }
            throw new RuleViolation(name, "「" + label + "」须为「是」或「否」，收到的「" + raw + "」");
        }, flag -> flag);
    }

    /**
     * A calendar day. Camunda Forms send {@code 2026-06-15} (or with a time of day), the Java API may
     * pass a {@link Date}; it is stored as the ISO text the form sends.
     */
    public static Variable<LocalDate> date(String name, String label) {
        return new Variable<>(name, label, LocalDate.class, raw -> {
            if (raw instanceof LocalDate d) {
                return d;
            }
            if (raw instanceof Date d) {
                return new java.sql.Date(d.getTime()).toLocalDate();
            }
            String text = raw.toString().trim();
            if (text.isEmpty()) {
                return null;
            }
            try {
                return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            } catch (DateTimeParseException e) {
                throw new RuleViolation(name, "「" + label + "」须为日期（格式 2026-06-15），收到的「" + raw + "」不是日期");
            }
        }, LocalDate::toString);
    }

    /** A moment the engine computes with (a timer's date): stored as a {@link Date}. */
    public static Variable<Date> moment(String name, String label) {
        return new Variable<>(name, label, Date.class, raw -> {
            if (raw instanceof Date d) {
                return d;
            }
            throw new RuleViolation(name, "「" + label + "」须为时间，收到的「" + raw + "」不是");
        }, moment -> moment);
    }

    /** One of the options of {@code options}, stored as the constant's name. */
    public static <E extends Enum<E> & Option> Variable<E> choice(String name, String label, Class<E> options) {
        return new Variable<>(name, label, options, raw -> {
            if (options.isInstance(raw)) {
                return options.cast(raw);
            }
            String code = raw.toString().trim();
            if (code.isEmpty()) {
                return null;
            }
            for (E option : options.getEnumConstants()) {
                if (option.name().equals(code)) {
                    return option;
                }
            }
            throw new RuleViolation(name, "请选择「" + label + "」（" + labels(options) + "），收到的「" + raw + "」不是有效选项");
        }, Enum::name);
    }

    /** A value the platform itself keeps (a JSON text, a list) whose shape only its owner knows. */
    public static <T> Variable<T> internal(String name, String label, Class<T> type) {
        return new Variable<>(name, label, type, raw -> {
            if (!type.isInstance(raw)) {
                throw new RuleViolation(name, "「" + label + "」的值类型不对（" + raw.getClass().getSimpleName() + "）");
            }
            return type.cast(raw);
        }, value -> value);
    }

    public String name() {
        return name;
    }

    public String label() {
        return label;
    }

    public Class<T> type() {
        return type;
    }

    /** The option type of a choice, else null. */
    @SuppressWarnings("unchecked")
    public Class<? extends Option> options() {
        return type.isEnum() && Option.class.isAssignableFrom(type) ? (Class<? extends Option>) type : null;
    }

    /** The value in this scope (its own or inherited), or null when it is not set or blank; a value of the wrong shape is refused. */
    public T get(VariableScope scope) {
        return read(scope.getVariable(name));
    }

    /** The value, required: a missing or blank value is refused with 「请填写…」 / 「请选择…」. */
    public T require(VariableScope scope) {
        return required(get(scope));
    }

    /** The value of a variable map (a REST body, a history query's result), or null. */
    public T from(Map<String, ?> variables) {
        return read(variables == null ? null : variables.get(name));
    }

    /** The value of a variable map, required. */
    public T requireFrom(Map<String, ?> variables) {
        return required(from(variables));
    }

    /** Converts a raw value (as submitted or stored) to this variable's type; null or blank gives null. */
    public T read(Object raw) {
        return raw == null ? null : parse.apply(raw);
    }

    /** Stores the value in the scope (its own or where the variable already lives). */
    public void set(VariableScope scope, T value) {
        scope.setVariable(name, value == null ? null : store.apply(value));
    }

    /** Stores the value in this scope only (a task's local variable). */
    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, value == null ? null : store.apply(value));
    }

    /** Puts the value into a map handed to another process or to a query: the receiving contract's name and stored form. */
    public Map<String, Object> put(Map<String, Object> variables, T value) {
        variables.put(name, value == null ? null : store.apply(value));
        return variables;
    }

    /** The stored form of a value (an option's code, a day's ISO text). */
    public Object stored(T value) {
        return value == null ? null : store.apply(value);
    }

    private T required(T value) {
        if (value == null) {
            throw new RuleViolation(name, (options() != null ? "请选择「" + label + "」（" + labels(options()) + "）" : "请填写「" + label + "」"));
        }
        return value;
    }

    private static String labels(Class<?> options) {
        return Arrays.stream(options.getEnumConstants()).map(option -> ((Option) option).label()).collect(Collectors.joining("、"));
    }

    @Override
    public String toString() {
        return name;
    }
}
