package org.ethnicunity.platform.contract;

/**
 * One option of a choice a person makes in a form (a radio, a select): the enum constant's name is
 * the value the form sends and the process stores, {@link #label()} is the Chinese text the form
 * shows. The label is written here once; {@code ContractTest} fails when a form shows another.
 */
public interface Option {

    /** The Chinese label, exactly as the form shows it. */
    String label();

    /** The stored value: the enum constant's name. */
    default String code() {
        return ((Enum<?>) this).name();
    }

    /**
     * The label of a stored code (a column, a variable read from history), the code itself when it is
     * none of the options (an older or edited model's value is shown, not lost), null for null.
     */
    static String labelOf(Class<? extends Option> options, String code) {
        if (code == null) {
            return null;
        }
        for (Option option : options.getEnumConstants()) {
            if (option.code().equals(code)) {
                return option.label();
            }
        }
        return code;
    }
}
