package org.vertogw.partition;

/** A partition map that cannot be used; {@link #field()} names the offending field, e.g. {@code islands[2].weight}. */
public final class PartitionMapException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String field;

    public PartitionMapException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
