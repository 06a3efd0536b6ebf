package org.ethnicunity.platform.engine;

import java.lang.reflect.Field;

/**
 * Reads a field of one of the engine's commands. The command interceptors that guard what people may
 * do (which fields a form takes, whose task one may claim) need the arguments of commands that
 * expose no getters.
 */
public final class CommandFields {

    private CommandFields() {
    }

    @SuppressWarnings("unchecked")
    public static <V> V read(Object command, String name) {
        for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return (V) field.get(command);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Camunda command " + command.getClass().getName() + " has no field " + name);
    }
}
