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
}
