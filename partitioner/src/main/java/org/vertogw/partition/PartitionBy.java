package org.vertogw.partition;

/** What a partition key is made of (docs/partitioning.md, "The computation", step 2). */
public enum PartitionBy {
    /** Every user of a domain on one island, so conferences, queues and transfers stay local. */
    DOMAIN("domain"),
    /** Each {@code user@domain} hashed on its own. */
    EXTENSION("extension");

    private final String wire;

    PartitionBy(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The value named {@code s} on the wire ({@code domain}, {@code extension}), or null. */
    public static PartitionBy fromWire(String s) {
        for (PartitionBy p : values()) {
            if (p.wire.equals(s)) {
                return p;
            }
        }
        return null;
    }
}
