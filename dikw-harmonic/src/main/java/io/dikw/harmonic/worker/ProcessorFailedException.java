package io.dikw.harmonic.worker;

/** An external unit answered a tuple with an error message. */
final class ProcessorFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    ProcessorFailedException(final String message) {
        super(message);
    }
}
