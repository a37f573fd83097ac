package org.vertogw.gateway.fleet;

/**
 * The fleet's keys under its prefix (docs/operations.md, "Fleet on etcd"): the partition map, one leased record per
 * live gateway, and the assignment of partitions to islands with their epochs.
 */
record FleetKeys(String prefix) {

    String root() {
        return prefix + "/";
    }

    String map() {
        return prefix + "/map";
    }

    String assignment() {
        return prefix + "/assignment";
    }

    String members() {
        return prefix + "/members/";
    }

    String member(String id) {
        return members() + id;
    }
}
