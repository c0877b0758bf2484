package org.portzero.reports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * One generated damage to a JSON file the reports read (a baseline matrix.json, a run's
 * observations.json); prints as what it does, so a shrunk counterexample reads as a recipe.
 *
 * @param damage what is done
 * @param where  a line or byte position, taken modulo the file's size
 * @param choice which replacement, taken modulo the choices
 */
public record JsonMutation(Damage damage, int where, int choice) {

    /** The kinds of damage. */
    public enum Damage { TRUNCATE, DELETE_LINE, DUPLICATE_LINE, WRONG_TYPE, RENAME_KEY, SPECIAL_CHAR }

    /** Values of another type than the field's, or null. */
    static final List<String> WRONG_VALUES = List.of("42", "\"x\"", "null", "[]", "{}", "true", "-1.5", "\"\"");
    /** Characters that matter to JSON, and two that do not. */
    /** The end of a key: {@code "name": } or, as Jackson's pretty printer writes it, {@code "name" : }. */
    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("\" ?: ");
    static final String SPECIAL = "{}[],:\"\\ 0a\n";

    public static Gen<JsonMutation> mutations() {
        return Generate.enumValues(Damage.class).zip(Generate.range(0, 100_000), Generate.range(0, 63), JsonMutation::new);
    }

    public String apply(String text) {
        if (text.isEmpty()) {
            return text;
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int line = where % lines.size();
        String target = lines.get(line);
        switch (damage) {
            case TRUNCATE -> {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                return new String(Arrays.copyOf(bytes, where % bytes.length), StandardCharsets.UTF_8);
            }
            case DELETE_LINE -> lines.remove(line);
            case DUPLICATE_LINE -> lines.add(line, target);
            case WRONG_TYPE -> {
                java.util.regex.Matcher key = KEY.matcher(target);
                if (key.find()) {
                    String comma = target.endsWith(",") ? "," : "";
                    lines.set(line, target.substring(0, key.end()) + WRONG_VALUES.get(choice % WRONG_VALUES.size()) + comma);
                }
            }
            case RENAME_KEY -> {
                java.util.regex.Matcher key = KEY.matcher(target);
                if (key.find()) {
                    lines.set(line, target.substring(0, key.start()) + "_renamed" + target.substring(key.start()));
                }
            }
            case SPECIAL_CHAR -> {
                int at = where % text.length();
                return text.substring(0, at) + SPECIAL.charAt(choice % SPECIAL.length()) + text.substring(at + 1);
            }
        }
        return String.join("\n", lines);
    }

    @Override
    public String toString() {
        return switch (damage) {
            case TRUNCATE -> "truncate at byte " + where;
            case SPECIAL_CHAR -> "replace char " + where + " by '" + SPECIAL.charAt(choice % SPECIAL.length()) + "'";
            case WRONG_TYPE -> "line " + where + ": value " + WRONG_VALUES.get(choice % WRONG_VALUES.size());
            default -> damage.name().toLowerCase(java.util.Locale.ROOT) + " line " + where;
        };
    }
}
