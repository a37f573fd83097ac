package org.vertogw.media.srtp;

import java.util.Arrays;

/** One direction's master key and master salt (RFC 3711 §3.2.1), as DTLS-SRTP exports them. */
public record SrtpMasterKey(SrtpProfile profile, byte[] key, byte[] salt) {

    public SrtpMasterKey {
        if (key.length != profile.keyLength() || salt.length != profile.saltLength()) {
            throw new IllegalArgumentException(profile + " needs a " + profile.keyLength() + "-byte key and a "
                    + profile.saltLength() + "-byte salt, got " + key.length + " and " + salt.length);
        }
        key = key.clone();
        salt = salt.clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SrtpMasterKey m
                && m.profile == profile
                && Arrays.equals(m.key, key)
                && Arrays.equals(m.salt, salt);
    }

    @Override
    public int hashCode() {
        return profile.hashCode() * 31 + Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "SrtpMasterKey[" + profile + "]";
    }
}
