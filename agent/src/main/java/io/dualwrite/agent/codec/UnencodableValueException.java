package io.dualwrite.agent.codec;

/** A bound value of a type the journal cannot store exactly; names the type, never the value. */
public final class UnencodableValueException extends Exception {

    public UnencodableValueException(Class<?> type) {
        super("a bound value of type " + type.getName() + " cannot be stored exactly");
    }
}
