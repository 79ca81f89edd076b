package org.openler.skills.sources;

/** A framework file that cannot be read as its format says: the message tells its sender what to fix. */
public class SourceException extends RuntimeException {

    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
