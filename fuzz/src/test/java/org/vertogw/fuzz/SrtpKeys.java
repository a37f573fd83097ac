package org.vertogw.fuzz;

import org.vertogw.media.srtp.SrtpMasterKey;
import org.vertogw.media.srtp.SrtpProfile;

/** A fixed master key per profile: both ends of a fuzzed SRTP stream derive the same session keys. */
final class SrtpKeys {

    private SrtpKeys() {}

    static SrtpMasterKey master(SrtpProfile profile) {
        byte[] key = new byte[profile.keyLength()];
        byte[] salt = new byte[profile.saltLength()];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 11 + 5);
        }
        for (int i = 0; i < salt.length; i++) {
            salt[i] = (byte) (i * 13 + 3);
        }
        return new SrtpMasterKey(profile, key, salt);
    }

    static SrtpProfile pick(int choice) {
        SrtpProfile[] all = SrtpProfile.values();
        return all[Math.floorMod(choice, all.length)];
    }
}
